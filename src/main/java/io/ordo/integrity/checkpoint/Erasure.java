package io.ordo.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A payload erased for privacy after it was sealed: the leaf at {@code ledgerIndex} sealed a payload hashing to
 * {@code sealedPayloadHash}; the stored bytes were replaced by redacted ones hashing to {@code redactedPayloadHash}.
 * Signed with the ledger key, so that verification accepts exactly that replacement, and an attacker without the key
 * cannot pass a change off as an erasure.
 */
public record Erasure(
        long ledgerIndex,
        byte[] sealedPayloadHash,
        byte[] redactedPayloadHash,
        String erasedAt,
        String reason,
        byte[] signature) {

    public static final int MAX_REASON_LENGTH = 255;

    public static byte[] signedText(
            long ledgerIndex, byte[] sealedPayloadHash, byte[] redactedPayloadHash, String erasedAt, String reason) {
        Base64.Encoder base64 = Base64.getEncoder();
        return (Checkpoint.ORIGIN + " erasure\n" + ledgerIndex + "\n" + base64.encodeToString(sealedPayloadHash) + "\n"
                        + base64.encodeToString(redactedPayloadHash) + "\n" + erasedAt + "\n"
                        + reason.replace('\n', ' ') + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedText() {
        return signedText(ledgerIndex, sealedPayloadHash, redactedPayloadHash, erasedAt, reason);
    }
}
