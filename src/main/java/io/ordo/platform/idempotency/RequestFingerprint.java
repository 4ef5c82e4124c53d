package io.ordo.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;

/** What makes two requests with one Idempotency-Key the same request: method, path, query, If-Match and body. */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(String method, String path, String query, String ifMatch, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "?" + query + "\n").getBytes(StandardCharsets.UTF_8));
            // a precondition is part of the request: the same key with another If-Match is another request
            if (ifMatch != null) {
                sha.update((HttpHeaders.IF_MATCH + ": " + ifMatch + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
