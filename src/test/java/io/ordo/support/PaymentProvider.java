package io.ordo.support;

import io.ordo.support.HttpJson.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the payment provider: posts webhook deliveries signed as the provider signs them, header
 * {@code Ordo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}, with no user's credentials.
 */
public final class PaymentProvider {

    /** The default profile's development secret ({@code ordo.payments.webhook-secret} in application.yml). */
    public static final String DEVELOPMENT_SECRET = "ordo-development-webhook-secret-0123456789";

    public static final String HEADER = "Ordo-Signature";

    private PaymentProvider() {}

    /** A delivery signed now with the development secret. */
    public static Response deliver(HttpJson http, String orderId, String body) {
        return deliver(http, orderId, body, signature(DEVELOPMENT_SECRET, Instant.now(), body));
    }

    /** A delivery with the given signature header (or none when null), as an attacker or a broken provider sends. */
    public static Response deliver(HttpJson http, String orderId, String body, String signatureHeader) {
        return http.anonymous()
                .send(
                        "POST",
                        "/api/payments/" + orderId,
                        body,
                        "application/json",
                        "application/json",
                        signatureHeader == null ? Map.of() : Map.of(HEADER, signatureHeader));
    }

    /** The header value that signs {@code body} at {@code signedAt} with {@code secret}. */
    public static String signature(String secret, Instant signedAt, String body) {
        long t = signedAt.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hmac = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String payment(String providerReference, String outcome, String amount) {
        return "{\"providerReference\":\"%s\",\"outcome\":\"%s\",\"amount\":%s}"
                .formatted(providerReference, outcome, amount);
    }
}
