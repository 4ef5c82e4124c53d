package io.ordo.integrity.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An event's inclusion proof: its leaf, the audit path and the root of the tree it is proven in. */
@Schema(description = "RFC 9162 inclusion proof of one event's leaf in the tree of treeSize leaves")
public record InclusionProofDocument(
        LeafDocument leaf,

        @Schema(description = "SHA-256(0x00 || canonical envelope), recomputed from the stored event, base64")
        byte[] leafHash,

        long treeSize,

        @Schema(description = "Audit path, leaf side first, base64 hashes")
        List<byte[]> auditPath,

        @Schema(description = "Root of the tree of treeSize leaves, base64")
        byte[] rootHash,

        @Schema(description = "The signed checkpoint of this tree size; absent when treeSize was asked and not signed")
        CheckpointDocument checkpoint) {}
