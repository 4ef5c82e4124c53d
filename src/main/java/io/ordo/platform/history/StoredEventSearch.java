package io.ordo.platform.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.common.DateTimeUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Searches Axon's {@code domain_event_entry} by JDBC, as the events are stored (not upcast), newest first: the event
 * search of Axon Server's dashboard for the H2 and PostgreSQL stores. Every search is bounded: a page is read in an
 * index's order from where the page before ended ({@code before}, the global index of its last event), and a text
 * search, matched here on the payload's JSON since the column is binary, reads at most {@code ordo.event-search.max-scanned} events per page. With Axon Server (the
 * {@code axonserver} profile) the events are not in this database and this bean is absent.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@EnableConfigurationProperties(EventSearchProperties.class)
public class StoredEventSearch {

    private static final String COLUMNS = "select global_index, time_stamp, type, aggregate_identifier,"
            + " sequence_number, payload_type, payload_revision, payload, meta_data from domain_event_entry";

    /** How many events a text search reads per query while it scans. */
    private static final int SCAN_BATCH = 500;

    /** More types than any service has: the bound on the form's list, whatever the table holds. */
    private static final int MAX_TYPES = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final EventSearchProperties properties;
    private final ObjectMapper json;

    StoredEventSearch(NamedParameterJdbcTemplate jdbc, EventSearchProperties properties, ObjectMapper json) {
        this.jdbc = jdbc;
        this.properties = properties;
        // show 9.50 as 9.50: the payload exactly as recorded, only indented
        this.json = json.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    public EventSearchProperties limits() {
        return properties;
    }

    /** One page of the events that match, newest first. */
    public EventSearchPage search(EventSearch search) {
        int pageSize = Math.min(search.pageSize(), properties.maxPageSize());
        StoredRow after = null;
        if (search.before() != null) {
            after = position(search.before());
            if (after == null) {
                return new EventSearchPage(List.of(), null, false, 0);
            }
        }
        if (search.text() == null) {
            // the database filters and stops by itself: one indexed query for a page and one more row
            List<FoundEvent> rows =
                    read(search, after, pageSize + 1).stream().map(this::found).toList();
            boolean more = rows.size() > pageSize;
            List<FoundEvent> page = more ? rows.subList(0, pageSize) : rows;
            return new EventSearchPage(page, more ? page.get(pageSize - 1).globalIndex() : null, false, rows.size());
        }
        return scan(search, after, pageSize);
    }

    /** The events at these global indexes (a live tail's newest few), newest first. */
    public List<FoundEvent> at(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        return jdbc
                .query(
                        COLUMNS + " where global_index in (:indexes) order by global_index desc",
                        new MapSqlParameterSource("indexes", globalIndexes),
                        StoredEventSearch::row)
                .stream()
                .map(this::found)
                .toList();
    }

    /**
     * The payload types stored, in name order: one index seek per type (a loose scan of ix_domain_event_type_time),
     * never a walk over the events.
     */
    public List<String> payloadTypes() {
        List<String> types = new ArrayList<>();
        String last = "";
        while (types.size() < MAX_TYPES) {
            // ">= last + \u0001" starts the index range after every row of the last type (H2 would begin at the
            // first of them and step over all of them); "> last" alone states the meaning in any collation
            List<String> next = jdbc.queryForList(
                    "select payload_type from domain_event_entry where payload_type > :last and payload_type >= :seek"
                            + " order by payload_type fetch first 1 rows only",
                    new MapSqlParameterSource("last", last).addValue("seek", last + "\u0001"),
                    String.class);
            if (next.isEmpty()) {
                return types;
            }
            last = next.get(0);
            types.add(last);
        }
        return types;
    }

    /** Reads older and older batches, keeping those whose payload has the text, until the page or the bound is full. */
    private EventSearchPage scan(EventSearch search, StoredRow after, int pageSize) {
        String text = search.text().toLowerCase(Locale.ROOT);
        List<FoundEvent> matches = new ArrayList<>();
        StoredRow last = after;
        int scanned = 0;
        while (scanned < properties.maxScanned()) {
            int batch = Math.min(SCAN_BATCH, properties.maxScanned() - scanned);
            List<StoredRow> rows = read(search, last, batch);
            for (StoredRow row : rows) {
                scanned++;
                last = row;
                // only the matches are parsed and indented: most rows of a scan are read and dropped
                if (new String(row.payload(), StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT)
                        .contains(text)) {
                    matches.add(found(row));
                    if (matches.size() == pageSize) {
                        return new EventSearchPage(matches, row.globalIndex(), false, scanned);
                    }
                }
            }
            if (rows.size() < batch) {
                return new EventSearchPage(matches, null, false, scanned);
            }
        }
        return new EventSearchPage(matches, last == null ? null : last.globalIndex(), true, scanned);
    }

    /** The row a page goes on after (the last one of the page before), or null if there is none. */
    private StoredRow position(long globalIndex) {
        return jdbc
                .query(
                        COLUMNS + " where global_index = :index",
                        new MapSqlParameterSource("index", globalIndex),
                        StoredEventSearch::row)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Rows newest first, after {@code after} if given, at most {@code limit}. The order is always one an index holds,
     * so the database reads from its newest end and stops after the limit, never sorting every match: an aggregate's
     * events by sequence number (uk_domain_event_aggregate_sequence), a type's by time (ix_domain_event_type_time),
     * all others by time (ix_domain_event_time). The columns held equal are named in the order too, so that H2 sees
     * that the index is in that order.
     */
    private List<StoredRow> read(EventSearch search, StoredRow after, int limit) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
        if (search.aggregateId() != null) {
            conditions.add("aggregate_identifier = :aggregateId");
            parameters.addValue("aggregateId", search.aggregateId());
        }
        if (search.payloadType() != null) {
            conditions.add("payload_type = :payloadType");
            parameters.addValue("payloadType", search.payloadType());
        }
        if (search.from() != null) {
            conditions.add("time_stamp >= :from");
            parameters.addValue("from", storedTime(search.from()));
        }
        if (search.to() != null) {
            conditions.add("time_stamp < :to");
            parameters.addValue("to", storedTime(search.to()));
        }
        String order;
        if (search.aggregateId() != null) {
            order = "aggregate_identifier desc, sequence_number desc";
            if (after != null) {
                conditions.add("sequence_number < :afterSequence");
                parameters.addValue("afterSequence", after.sequence());
            }
        } else {
            order = (search.payloadType() != null ? "payload_type desc, " : "") + "time_stamp desc, global_index desc";
            if (after != null) {
                // (time_stamp, global_index) before after's, written so that the index range ends at after's time
                conditions.add("time_stamp <= :afterTime and not (time_stamp = :afterTime and global_index >= :after)");
                parameters.addValue("afterTime", after.timestamp()).addValue("after", after.globalIndex());
            }
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.query(
                COLUMNS + where + " order by " + order + " fetch first :limit rows only",
                parameters,
                StoredEventSearch::row);
    }

    /** An instant as Axon writes time_stamp, so that comparing the text compares the time. */
    private static String storedTime(Instant instant) {
        return instant == null ? null : DateTimeUtils.formatInstant(instant);
    }

    private static StoredRow row(ResultSet row, int number) throws SQLException {
        return new StoredRow(
                row.getLong("global_index"),
                row.getString("time_stamp"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getBytes("payload"),
                row.getBytes("meta_data"));
    }

    private FoundEvent found(StoredRow row) {
        JsonNode metaData = tree(row.metaData());
        String payload = pretty(row.payload());
        boolean cut = payload.length() > properties.maxPayloadChars();
        return new FoundEvent(
                row.globalIndex(),
                DateTimeUtils.parseInstant(row.timestamp()),
                row.aggregateType(),
                row.aggregateId(),
                row.sequence(),
                row.payloadType(),
                row.revision(),
                metaData.path("principal").textValue(),
                metaData.path("correlationId").textValue(),
                cut ? payload.substring(0, properties.maxPayloadChars()) : payload,
                cut);
    }

    /** The payload indented for reading; as stored when it is not JSON. */
    private String pretty(byte[] payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(payload));
        } catch (IOException notJson) {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private JsonNode tree(byte[] stored) {
        if (stored == null) {
            return json.missingNode();
        }
        try {
            return json.readTree(stored);
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    /** A row of domain_event_entry as read, payload and metadata still bytes. */
    private record StoredRow(
            long globalIndex,
            String timestamp,
            String aggregateType,
            String aggregateId,
            long sequence,
            String payloadType,
            String revision,
            byte[] payload,
            byte[] metaData) {}
}
