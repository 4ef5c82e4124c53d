package io.ordo.integrity.ledger;

/**
 * One row of Axon's {@code domain_event_entry} as stored ({@link EventTable}): the payload and metadata only as SHA-256
 * of their stored bytes (what a leaf seals; never the upcasted or deserialised message, which may differ from the bytes).
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
}
