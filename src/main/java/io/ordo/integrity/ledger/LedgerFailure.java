package io.ordo.integrity.ledger;

/**
 * The first place the store and its ledger disagree: the ledger index and what is wrong there. For a checkpoint
 * failure the index is the first leaf the checkpoint vouches for that no earlier good checkpoint did.
 */
public record LedgerFailure(long ledgerIndex, Kind kind, String detail) {

    public enum Kind {
        /** The event's stored payload bytes are not the sealed ones. */
        PAYLOAD_CHANGED,
        /** The event's stored metadata bytes are not the sealed ones. */
        METADATA_CHANGED,
        /** Another sealed field of the event (type, timestamp, revision, aggregate) changed. */
        EVENT_CHANGED,
        /** A sealed event (or its ledger entry) is gone. */
        EVENT_MISSING,
        /** An event stands where the ledger sealed none: inside a gap, or before the ledger's first event. */
        EVENT_INSERTED,
        /** A sealed event stands at another place in the global order than the one sealed. */
        ORDER_CHANGED,
        /** A checkpoint's signature does not verify with the ledger's public key. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** The leaves recomputed from the store do not give a signed checkpoint's root. */
        ROOT_MISMATCH,
        /** The stored tree (what proofs are built from) does not give a signed checkpoint's root. */
        STORED_TREE_CHANGED
    }

    @Override
    public String toString() {
        return "ledger index " + ledgerIndex + ": " + kind + " (" + detail + ")";
    }
}
