package io.ordo.operations.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last finished audit of each projection, kept in {@code projection_audit} as the JSON the API answers: every
 * instance of a cluster shows the same one, and a restart keeps it.
 */
@Component
class FinishedAudits {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    FinishedAudits(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    /** Replaces the projection's last audit (delete and insert: an upsert that H2 and PostgreSQL both take). */
    void keep(ProjectionAudit audit) {
        String result = write(audit);
        transactions.executeWithoutResult(transaction -> {
            jdbc.update("delete from projection_audit where projection = ?", audit.projection());
            jdbc.update(
                    "insert into projection_audit (projection, finished_at, result) values (?, ?, ?)",
                    audit.projection(),
                    audit.finishedAt().atOffset(ZoneOffset.UTC),
                    result);
        });
    }

    Optional<ProjectionAudit> last(String projection) {
        return jdbc
                .queryForList("select result from projection_audit where projection = ?", String.class, projection)
                .stream()
                .findFirst()
                .map(this::read);
    }

    private String write(ProjectionAudit audit) {
        try {
            return json.writeValueAsString(audit);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProjectionAudit read(String stored) {
        try {
            return json.readValue(stored, ProjectionAudit.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
