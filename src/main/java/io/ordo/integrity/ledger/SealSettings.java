package io.ordo.integrity.ledger;

import java.time.Duration;

/**
 * How the sealer batches and when it gives up on a gap or signs a checkpoint.
 *
 * @param batchSize events read and sealed per transaction at most
 * @param gapTimeout a missing global index counts as never to be filled once the next stored event is this old
 * @param checkpointEveryEvents sign a checkpoint once this many leaves were added since the last one
 * @param checkpointEvery or once this long has passed since the last one and leaves were added
 */
public record SealSettings(int batchSize, Duration gapTimeout, long checkpointEveryEvents, Duration checkpointEvery) {}
