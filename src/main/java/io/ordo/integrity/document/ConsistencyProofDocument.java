package io.ordo.integrity.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Proof that the tree of {@code to} leaves extends the tree of {@code from} leaves, rewriting none of them. */
@Schema(description = "RFC 9162 consistency proof between two tree sizes")
public record ConsistencyProofDocument(
        long from,
        long to,

        @Schema(description = "Root of the tree of from leaves, base64")
        byte[] fromRoot,

        @Schema(description = "Root of the tree of to leaves, base64")
        byte[] toRoot,

        @Schema(description = "The proof's hashes, base64") List<byte[]> proof,

        @Schema(description = "The signed checkpoint of size from, when one was signed")
        CheckpointDocument fromCheckpoint,

        @Schema(description = "The signed checkpoint of size to, when one was signed")
        CheckpointDocument toCheckpoint) {}
