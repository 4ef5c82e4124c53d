package io.ordo.integrity.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signed tree head: the ledger had {@code treeSize} leaves with this root at {@code signedAt} (an ISO-8601 instant).
 * The signature is Ed25519 over {@link #signedText()}, a text anyone can rebuild from these four fields (docs/
 * integrity.md shows it checked with openssl).
 */
public record Checkpoint(long treeSize, byte[] rootHash, String signedAt, byte[] signature) {

    /** Names the log a checkpoint is about, so that a signature cannot be replayed for another kind of statement. */
    public static final String ORIGIN = "ordo event ledger v1";

    public static byte[] signedText(long treeSize, byte[] rootHash, String signedAt) {
        return (ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + signedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedText() {
        return signedText(treeSize, rootHash, signedAt);
    }
}
