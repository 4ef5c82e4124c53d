package io.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.support.PaymentProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class WebhookSignatureTest {

    private static final String SECRET = PaymentProvider.DEVELOPMENT_SECRET;
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String BODY = "{\"providerReference\":\"psp-1\",\"outcome\":\"AUTHORIZED\",\"amount\":12.75}";

    private final WebhookSignature signature =
            new WebhookSignature(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsTheBodySignedWithTheSharedSecret() {
        assertThatCode(() -> verify(PaymentProvider.signature(SECRET, NOW, BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsATimeWithinTheTolerance() {
        assertThatCode(() -> verify(PaymentProvider.signature(SECRET, NOW.minusSeconds(299), BODY), BODY))
                .doesNotThrowAnyException();
        assertThatCode(() -> verify(PaymentProvider.signature(SECRET, NOW.plusSeconds(299), BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherSecret() {
        String forged = PaymentProvider.signature("some-other-secret-of-at-least-32-chars", NOW, BODY);

        assertThatThrownBy(() -> verify(forged, BODY)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesATamperedBody() {
        String signed = PaymentProvider.signature(SECRET, NOW, BODY);

        assertThatThrownBy(() -> verify(signed, BODY.replace("12.75", "0.01")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> verify(signed, BODY + " ")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesAStaleOrFutureTime() {
        assertThatThrownBy(() -> verify(PaymentProvider.signature(SECRET, NOW.minusSeconds(301), BODY), BODY))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("time");
        assertThatThrownBy(() -> verify(PaymentProvider.signature(SECRET, NOW.plusSeconds(301), BODY), BODY))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesAnotherTimeWithTheOriginalSignature() {
        String signed = PaymentProvider.signature(SECRET, NOW.minusSeconds(60), BODY);
        String retimed = signed.replaceFirst("t=[0-9]+", "t=" + NOW.getEpochSecond());

        assertThatThrownBy(() -> verify(retimed, BODY)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void refusesAMissingOrMalformedHeader() {
        String valid = PaymentProvider.signature(SECRET, NOW, BODY);
        for (String header : new String[] {
            null,
            "",
            "garbage",
            valid.replaceFirst("t=[0-9]+,", ""),
            valid.replaceFirst(",v1=.*", ""),
            valid.replace("v1=", "v0="),
            valid.replaceFirst("t=", "t=-"),
            valid + "," + "x".repeat(600)
        }) {
            assertThatThrownBy(() -> verify(header, BODY))
                    .as(String.valueOf(header))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void acceptsOneValidSignatureAmongSeveralWhileASecretIsRotated() {
        String old = PaymentProvider.signature("the-previous-secret-of-at-least-32-chars", NOW, BODY);
        String current = PaymentProvider.signature(SECRET, NOW, BODY);
        String both = old + "," + current.substring(current.indexOf("v1="));

        assertThatCode(() -> verify(both, BODY)).doesNotThrowAnyException();
    }

    private void verify(String header, String body) {
        signature.verify(header, body.getBytes(StandardCharsets.UTF_8));
    }
}
