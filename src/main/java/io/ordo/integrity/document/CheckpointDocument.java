package io.ordo.integrity.document;

import io.ordo.integrity.checkpoint.Checkpoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;

/** A signed checkpoint: save it off the box; the verifier checks proofs against it. */
@Schema(description = "A signed tree head: Ed25519 (signature) over signedText, which is built from the other fields")
public record CheckpointDocument(
        @Schema(example = Checkpoint.ORIGIN) String origin,

        @Schema(description = "Leaves in the tree", example = "1042")
        long treeSize,

        @Schema(description = "RFC 9162 Merkle tree root, base64")
        byte[] rootHash,

        @Schema(description = "ISO-8601 instant", example = "2026-12-01T02:35:00.123Z")
        String signedAt,

        @Schema(description = "Ed25519 signature of signedText, base64")
        byte[] signature,

        @Schema(description = "The exact text signed: origin, tree size, base64 root and time, one per line")
        String signedText) {

    public static CheckpointDocument of(Checkpoint checkpoint) {
        return new CheckpointDocument(
                Checkpoint.ORIGIN,
                checkpoint.treeSize(),
                checkpoint.rootHash(),
                checkpoint.signedAt(),
                checkpoint.signature(),
                new String(checkpoint.signedText(), StandardCharsets.UTF_8));
    }

    public Checkpoint checkpoint() {
        return new Checkpoint(treeSize, rootHash, signedAt, signature);
    }
}
