package io.ordo.integrity.ledger;

import io.ordo.integrity.checkpoint.Checkpoint;
import java.util.List;

/**
 * What one seal transaction did: the events it sealed, how many leaves it appended (gaps included), whether it
 * stopped at a gap that may still be filled, the checkpoint it signed (or null), and whether another sealer held the
 * ledger so that it did nothing.
 */
public record SealResult(
        List<StoredEvent> sealedEvents, int leaves, boolean waitingForGap, Checkpoint checkpoint, boolean busy) {

    static SealResult ledgerBusy() {
        return new SealResult(List.of(), 0, false, null, true);
    }

    /** Whether there may be more to seal right away (the batch was full). */
    public boolean mayHaveMore(int batchSize) {
        return !busy && !waitingForGap && leaves >= batchSize;
    }
}
