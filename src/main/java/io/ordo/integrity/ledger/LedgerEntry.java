package io.ordo.integrity.ledger;

/**
 * A row of {@code ledger_entry}: what leaf {@code ledgerIndex} sealed. A gap covers the global indexes
 * {@code globalIndex..lastGlobalIndex} and has no event; an event has {@code lastGlobalIndex == globalIndex}.
 * {@code leafHash} is the stored leaf (ledger_node level 0), null when it is missing or was not read.
 */
public record LedgerEntry(
        long ledgerIndex,
        long globalIndex,
        long lastGlobalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        Long sequenceNumber,
        byte[] payloadHash,
        byte[] metaDataHash,
        byte[] leafHash) {

    public static LedgerEntry event(long ledgerIndex, StoredEvent event, byte[] leafHash) {
        return new LedgerEntry(
                ledgerIndex,
                event.globalIndex(),
                event.globalIndex(),
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.payloadHash(),
                event.metaDataHash(),
                leafHash);
    }

    public static LedgerEntry gap(long ledgerIndex, long first, long last, byte[] leafHash) {
        return new LedgerEntry(ledgerIndex, first, last, null, null, null, null, null, leafHash);
    }

    public boolean isGap() {
        return eventIdentifier == null;
    }
}
