package io.ordo.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * The payment provider's signature on a webhook delivery, as Stripe signs its own: header
 * {@code Ordo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}. The time is signed with the body,
 * so a captured delivery cannot be replayed with a fresh time; one whose time is more than the tolerance from ours is
 * refused, so it cannot be replayed later either (within the tolerance a replay records nothing new: the order answers
 * a repeated {@code providerReference} with the version it already has). Several {@code v1} values may be sent, so a
 * provider can sign with an old and a new secret while the secret is being rotated.
 */
final class WebhookSignature {

    static final String HEADER = "Ordo-Signature";

    private static final int MAXIMUM_HEADER_LENGTH = 512;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecretKeySpec key;
    private final Duration tolerance;
    private final Clock clock;

    WebhookSignature(String secret, Duration tolerance, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Passes when the header signs exactly these body bytes with our secret at a time close to ours. */
    void verify(String header, byte[] body) {
        if (header == null || header.length() > MAXIMUM_HEADER_LENGTH) {
            throw new BadCredentialsException("a payment delivery needs a valid " + HEADER + " header");
        }
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] pair = element.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t") && TIMESTAMP.matcher(pair[1]).matches()) {
                timestamp = pair[1];
            } else if (pair[0].equals("v1") && HEX_SHA256.matcher(pair[1]).matches()) {
                signatures.add(HexFormat.of().parseHex(pair[1]));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new BadCredentialsException(HEADER + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new BadCredentialsException("the " + HEADER + " time is more than " + tolerance + " from ours");
        }
        byte[] expected = hmac(timestamp, body);
        // constant time: a comparison that stops at the first wrong byte would tell an attacker how many were right
        if (signatures.stream().noneMatch(given -> MessageDigest.isEqual(given, expected))) {
            throw new BadCredentialsException("the " + HEADER + " does not match the delivery");
        }
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
