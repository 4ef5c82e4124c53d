package io.ordo.integrity.document;

import io.ordo.integrity.ledger.LeafEnvelope;
import io.ordo.integrity.ledger.StoredEvent;
import io.swagger.v3.oas.annotations.media.Schema;

/** The fields a leaf seals (docs/integrity.md#the-leaf): anyone can rebuild the leaf hash from them. */
@Schema(description = "The sealed envelope of one event; its leaf hash is SHA-256(0x00 || canonical bytes)")
public record LeafDocument(
        long ledgerIndex,
        long globalIndex,
        String eventIdentifier,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        String timestamp,

        @Schema(description = "SHA-256 of the stored payload bytes, base64")
        byte[] payloadSha256,

        @Schema(description = "SHA-256 of the stored metadata bytes, base64; absent when none are stored")
        byte[] metaDataSha256) {

    public static LeafDocument of(long ledgerIndex, StoredEvent event) {
        return new LeafDocument(
                ledgerIndex,
                event.globalIndex(),
                event.eventIdentifier(),
                event.aggregateType(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.payloadType(),
                event.payloadRevision(),
                event.timestamp(),
                event.payloadHash(),
                event.metaDataHash());
    }

    /** The leaf hash, recomputed from these fields. */
    public byte[] leafHash() {
        return LeafEnvelope.eventLeaf(
                ledgerIndex,
                new StoredEvent(
                        globalIndex,
                        eventIdentifier,
                        aggregateType,
                        aggregateIdentifier,
                        sequenceNumber,
                        payloadType,
                        payloadRevision,
                        timestamp,
                        payloadSha256,
                        metaDataSha256));
    }
}
