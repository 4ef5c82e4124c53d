package io.ordo.operations;

import java.time.Duration;

/**
 * How far a processor's replay is: {@code processed} of {@code target} events (positions in the store), and the time
 * it still needs at the rate it has had since this instance first saw it run; {@code remaining} is null until that
 * rate is known. Once the replay is done, {@code running} is false and {@code percent} 100.
 */
public record ReplayProgress(
        String processor, boolean running, int percent, long processed, long target, Duration remaining) {

    static ReplayProgress done(String processor) {
        return new ReplayProgress(processor, false, 100, 0, 0, Duration.ZERO);
    }
}
