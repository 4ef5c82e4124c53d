package io.ordo.integrity.ledger;

import io.ordo.integrity.merkle.MerkleHashing;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of Axon's {@code domain_event_entry} as stored: the payload and metadata only as SHA-256 of their stored
 * bytes (what a leaf seals; never the upcasted or deserialised message, which may differ from the bytes).
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payloadHash,
        byte[] metaDataHash) {

    /** The columns {@link #from} reads, for {@code SELECT ... FROM domain_event_entry}. */
    public static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, time_stamp, payload, meta_data";

    /** This event with another payload hash: what it was when sealed, for a payload erased since. */
    StoredEvent withPayloadHash(byte[] sealedPayloadHash) {
        return new StoredEvent(
                globalIndex,
                eventIdentifier,
                aggregateType,
                aggregateIdentifier,
                sequenceNumber,
                payloadType,
                payloadRevision,
                timestamp,
                sealedPayloadHash,
                metaDataHash);
    }

    public static StoredEvent from(ResultSet row) throws SQLException {
        byte[] metaData = row.getBytes("meta_data");
        return new StoredEvent(
                row.getLong("global_index"),
                row.getString("event_identifier"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                row.getString("time_stamp"),
                MerkleHashing.sha256().digest(row.getBytes("payload")),
                metaData == null ? null : MerkleHashing.sha256().digest(metaData));
    }
}
