package io.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private static final Instant NOON = Instant.parse("2026-11-01T12:00:00Z");

    @Test
    void needsExactlyOneOfVersionAndInstant() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AsOf(null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new AsOf(1L, NOON));
        assertThatIllegalArgumentException().isThrownBy(() -> AsOf.version(-1)).withMessageContaining("-1");
    }

    @Test
    void aVersionIncludesEveryEventUpToItAndIsReachedOnlyByAHistoryThatLong() {
        AsOf second = AsOf.version(1);

        assertThat(second.includes(1, NOON)).isTrue();
        assertThat(second.includes(2, NOON.minusSeconds(60))).isFalse();
        assertThat(second.isReachedBy(0)).isFalse();
        assertThat(second.isReachedBy(1)).isTrue();
    }

    @Test
    void anInstantIncludesTheEventsRecordedAtOrBeforeIt() {
        AsOf noon = AsOf.at(NOON);

        assertThat(noon.includes(7, NOON)).isTrue();
        assertThat(noon.includes(0, NOON.plusMillis(1))).isFalse();
        assertThat(noon.isReachedBy(0)).isTrue();
    }
}
