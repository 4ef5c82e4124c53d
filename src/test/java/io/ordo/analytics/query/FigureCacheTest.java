package io.ordo.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FigureCacheTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final FigureCache cache = new FigureCache(new SteppedClock(millis));
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void answersTheSameQueryOnceUntilTheFiguresChange() {
        assertThat(cache.get("q", this::compute)).isEqualTo(1);
        assertThat(cache.get("q", this::compute)).isEqualTo(1);
        assertThat(cache.get("other", this::compute)).isEqualTo(2);

        cache.changed();

        assertThat(cache.get("q", this::compute)).isEqualTo(3);
    }

    @Test
    void forgetsAnAnswerAfterASecondForChangesOtherInstancesProjected() {
        cache.get("q", this::compute);
        millis.addAndGet(FigureCache.MAX_AGE_MILLIS + 1);

        assertThat(cache.get("q", this::compute)).isEqualTo(2);
    }

    @Test
    void aReaderArrivingWhileTheQueryRunsWaitsForItsAnswer() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> cache.get("q", () -> {
            running.countDown();
            await(release);
            return compute();
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> cache.get("q", this::compute));

        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void keepsNoFailure() {
        assertThatThrownBy(() -> cache.get("q", () -> {
                    throw new IllegalStateException("database gone");
                }))
                .hasMessage("database gone");

        assertThat(cache.get("q", this::compute)).isEqualTo(1);
    }

    private int compute() {
        return computed.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves. */
    private static final class SteppedClock extends Clock {

        private final AtomicLong millis;

        SteppedClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
