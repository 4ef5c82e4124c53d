package io.ordo.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.operations.processors.ProcessorStatus;
import io.ordo.operations.processors.ProcessorStatus.SegmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay's percentage and remaining time, from the positions of its segments and the rate seen so far. */
class ReplayRatesTest {

    private final MovableClock clock = new MovableClock();
    private final ReplayRates rates = new ReplayRates(clock);

    @Test
    void estimatesTheRemainingTimeFromTheRateSinceTheReplayStarted() {
        rates.started("orders");
        assertThat(rates.progress(replaying(0, 0, 1000)).remaining())
                .as("no rate before anything was replayed")
                .isNull();

        clock.advance(Duration.ofSeconds(2));
        ReplayProgress progress = rates.progress(replaying(400, 500, 1000));

        assertThat(progress.running()).isTrue();
        assertThat(progress.processed()).as("the slowest segment").isEqualTo(400);
        assertThat(progress.target()).isEqualTo(1000);
        assertThat(progress.percent()).isEqualTo(40);
        assertThat(progress.remaining()).isEqualTo(Duration.ofSeconds(3)); // 600 left at 200 per second
    }

    @Test
    void aReplayFirstSeenMidwayIsTimedFromThere() {
        rates.progress(replaying(500, 500, 1000));
        clock.advance(Duration.ofSeconds(1));

        assertThat(rates.progress(replaying(600, 600, 1000)).remaining()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverShowsAHundredWhileRunningAndAlwaysWhenDone() {
        rates.started("orders");

        assertThat(rates.progress(replaying(999, 999, 1000)).percent()).isEqualTo(99);
        ReplayProgress done = rates.progress(status(false, List.of(segment(0, 1000, false, -1))));
        assertThat(done.running()).isFalse();
        assertThat(done.percent()).isEqualTo(100);
    }

    private static ProcessorStatus replaying(long first, long second, long target) {
        return status(true, List.of(segment(0, first, true, target), segment(1, second, true, target)));
    }

    private static ProcessorStatus status(boolean replaying, List<SegmentStatus> segments) {
        return new ProcessorStatus("orders", "pooled", true, replaying, 1000, 0, false, 0, List.of(), segments);
    }

    private static SegmentStatus segment(int id, long position, boolean replaying, long target) {
        return new SegmentStatus(id, "node", true, position, 0, replaying, null, null, target);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
