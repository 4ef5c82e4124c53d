package io.ordo.integrity.web;

import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.LedgerKey;
import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.integrity.document.CheckpointDocument;
import io.ordo.integrity.document.ConsistencyProofDocument;
import io.ordo.integrity.document.PublicKeyDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.SQLException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The ledger's public face: its latest signed checkpoint, the key to check it with, consistency between sizes. */
@RestController
@ConditionalOnLedger
@Tag(name = "Integrity", description = "The tamper-evident event ledger: checkpoints, keys and proofs")
class IntegrityController {

    /** A bound on tree sizes in requests: far beyond any ledger, small enough for any client's integers. */
    static final long MAX_TREE_SIZE = 1_000_000_000_000L;

    /** The media type of a PEM file (as openssl writes it), for the public key as text. */
    static final String PEM = "application/x-pem-file";

    private final LedgerProofs proofs;
    private final LedgerKey key;

    IntegrityController(LedgerProofs proofs, LedgerKey key) {
        this.proofs = proofs;
        this.key = key;
    }

    @Operation(
            summary = "The latest signed checkpoint",
            description = "Tree size, RFC 9162 root and time, signed with Ed25519. Save it somewhere the database's"
                    + " administrators cannot write: later proofs and verifications are checked against it. 404 until"
                    + " the first checkpoint is signed.")
    @GetMapping("/api/integrity/checkpoint")
    CheckpointDocument checkpoint() throws SQLException {
        return proofs.latestCheckpoint()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint is signed yet"));
    }

    @Operation(
            operationId = "publicKey",
            summary = "The public key",
            description = "The Ed25519 key that checkpoint signatures verify with: as JSON (algorithm, key id and"
                    + " PEM), or with Accept: " + PEM + " the PEM text alone, ready to save as a file for the"
                    + " standalone verifier.")
    @GetMapping(value = "/api/integrity/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicKeyDocument publicKey() {
        return new PublicKeyDocument(SigningKeys.ALGORITHM, SigningKeys.keyId(key.publicKey()), publicPem());
    }

    /** The same key as PEM text, so that a shell needs no JSON tool to save it (the walkthrough's curl). */
    @Operation(
            operationId = "publicKey",
            summary = "The public key",
            description = "The Ed25519 key that checkpoint signatures verify with: as JSON (algorithm, key id and"
                    + " PEM), or with Accept: " + PEM + " the PEM text alone, ready to save as a file for the"
                    + " standalone verifier.")
    @GetMapping(value = "/api/integrity/public-key", produces = PEM)
    String publicKeyPem() {
        return publicPem();
    }

    private String publicPem() {
        return SigningKeys.publicPem(key.publicKey());
    }

    @Operation(
            summary = "A consistency proof between two tree sizes",
            description = "RFC 9162 §2.1.4: proves that the ledger of size to extends the ledger of size from without"
                    + " rewriting any of its leaves. Each size's signed checkpoint is included when there is one."
                    + " 400 when from is above to or to is above the ledger's size.")
    @GetMapping("/api/integrity/consistency")
    ConsistencyProofDocument consistency(
            @RequestParam @Min(0) @Max(MAX_TREE_SIZE) @Parameter(description = "The smaller tree size") long from,
            @RequestParam @Min(1) @Max(MAX_TREE_SIZE) @Parameter(description = "The larger tree size") long to)
            throws SQLException {
        return proofs.consistency(from, to);
    }
}
