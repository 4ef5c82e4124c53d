package io.ordo.integrity.document;

import io.swagger.v3.oas.annotations.media.Schema;

/** The key checkpoints are signed with. */
@Schema(description = "The Ed25519 public key that verifies checkpoint signatures")
public record PublicKeyDocument(
        @Schema(example = "Ed25519") String algorithm,

        @Schema(description = "First 16 hex digits of SHA-256 of the X.509 encoding", example = "3f1c0a9b5e7d2c41")
        String keyId,

        @Schema(description = "X.509 SubjectPublicKeyInfo in PEM, as openssl pkey -pubout writes it")
        String pem) {}
