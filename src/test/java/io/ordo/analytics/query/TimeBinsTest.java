package io.ordo.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fulfilment-time histogram's bins: what docs/api.md promises of p50 and p95. */
class TimeBinsTest {

    @Test
    void durationsUnder256MillisecondsAreExact() {
        for (long duration = 0; duration < 256; duration++) {
            assertThat(TimeBins.representative(TimeBins.lowerBound(duration))).isEqualTo(duration);
        }
    }

    @Test
    void aBinAnswersWithin0point4PercentOfEveryDurationInIt() {
        for (double duration = 256; duration < 40L * 24 * 3_600_000; duration *= 1.0007) {
            long value = (long) duration;
            long answered = TimeBins.representative(TimeBins.lowerBound(value));
            assertThat((double) Math.abs(answered - value) / value).isCloseTo(0, within(0.004));
        }
    }

    @Test
    void aBinsLowerBoundIsNoMoreThanTheDurationAndKeepsItsBinTogether() {
        long duration = 600_000;
        long lower = TimeBins.lowerBound(duration);
        assertThat(lower).isLessThanOrEqualTo(duration);
        assertThat(TimeBins.lowerBound(lower)).isEqualTo(lower);
        assertThat(TimeBins.lowerBound(duration + 1)).isEqualTo(lower);
    }
}
