package io.ordo.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.payments}: the secret shared with the payment provider, which signs every webhook delivery with it, and
 * how far a delivery's signed time may be from ours ({@code signature-tolerance}, 5 minutes as Stripe's). There is no
 * default secret: the default profile names a development one, the production profiles take it from the environment
 * ({@code ORDO_PAYMENTS_WEBHOOK_SECRET}) and do not start without it.
 */
@ConfigurationProperties("ordo.payments")
record PaymentWebhookProperties(String webhookSecret, Duration signatureTolerance) {

    static final int MINIMUM_SECRET_LENGTH = 32;

    PaymentWebhookProperties {
        if (webhookSecret == null || webhookSecret.isBlank() || webhookSecret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException("ordo.payments.webhook-secret is required: the secret shared with the"
                    + " payment provider to sign webhook deliveries, at least " + MINIMUM_SECRET_LENGTH
                    + " characters (in production set ORDO_PAYMENTS_WEBHOOK_SECRET)");
        }
        signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
    }
}
