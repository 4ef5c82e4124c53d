package io.ordo.integrity.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.integrity.checkpoint.Checkpoint;
import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.integrity.document.CheckpointDocument;
import io.ordo.integrity.document.InclusionProofDocument;
import io.ordo.integrity.ledger.LedgerFailure;
import io.ordo.integrity.ledger.LedgerTables;
import io.ordo.integrity.ledger.LedgerVerification;
import io.ordo.integrity.ledger.PayloadEraser;
import io.ordo.integrity.merkle.InclusionVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the ledger without trusting the service that keeps it:
 *
 * <pre>
 * proof --public-key key.pem --checkpoint checkpoint.json --proof proof.json
 *     the checkpoint is signed by the key, and the proof's event (its leaf rebuilt from the envelope) is in its tree
 * log --public-key key.pem --jdbc-url URL [--user U] [--password P] [--checkpoint checkpoint.json]
 *     the whole log in a copy of the database: every leaf rebuilt from the stored events, every checkpoint (the saved
 *     one too) checked; names the first broken ledger index
 * erase --signing-key key.pem --jdbc-url URL [--user U] [--password P] --ledger-index N --payload-file F --reason R
 *     replaces the payload sealed at ledger index N with the redacted bytes of F and records the erasure, signed
 *     with the ledger's private key, so the ledger still verifies (docs/integrity.md#erasing-a-payload-for-privacy)
 * </pre>
 *
 * Exit status 0 when it verifies, 1 when it does not, 2 when the command is wrong.
 */
public final class LedgerVerifier {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final PrintStream out;

    public LedgerVerifier(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new LedgerVerifier(System.out).run(args));
    }

    public int run(String[] args) {
        if (args.length == 0 || !List.of("proof", "log", "erase").contains(args[0])) {
            return usage("a command: proof, log or erase");
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        if (options != null && args[0].equals("erase")) {
            return erase(options);
        }
        if (options == null || !options.containsKey("public-key")) {
            return usage("--public-key");
        }
        try {
            CheckpointVerifier signatures = new CheckpointVerifier(
                    SigningKeys.fromPublicPem(Files.readString(Path.of(options.get("public-key")))));
            return args[0].equals("proof") ? proof(options, signatures) : log(options, signatures);
        } catch (IOException | SQLException | IllegalArgumentException e) {
            out.println("ERROR: " + e.getMessage());
            return 2;
        }
    }

    private int proof(Map<String, String> options, CheckpointVerifier signatures) throws IOException {
        if (!options.containsKey("checkpoint") || !options.containsKey("proof")) {
            return usage("--checkpoint and --proof");
        }
        Checkpoint checkpoint = checkpoint(options.get("checkpoint"));
        InclusionProofDocument proof =
                JSON.readValue(Files.readString(Path.of(options.get("proof"))), InclusionProofDocument.class);
        if (!signatures.isSigned(checkpoint)) {
            return failed("the checkpoint of tree size " + checkpoint.treeSize() + " is not signed by this key");
        }
        if (proof.treeSize() != checkpoint.treeSize()) {
            return failed(
                    "the proof is for tree size " + proof.treeSize() + ", the checkpoint for " + checkpoint.treeSize());
        }
        byte[] leaf = proof.leaf().leafHash();
        if (!InclusionVerifier.verify(
                proof.leaf().ledgerIndex(), checkpoint.treeSize(), leaf, proof.auditPath(), checkpoint.rootHash())) {
            return failed("event " + proof.leaf().eventIdentifier() + " at ledger index "
                    + proof.leaf().ledgerIndex() + " is NOT in the signed tree of size " + checkpoint.treeSize());
        }
        out.println("OK: event " + proof.leaf().eventIdentifier() + " ("
                + proof.leaf().aggregateType() + " "
                + proof.leaf().aggregateIdentifier() + ", sequence "
                + proof.leaf().sequenceNumber() + ") is leaf "
                + proof.leaf().ledgerIndex() + " of the signed tree of size " + checkpoint.treeSize());
        return 0;
    }

    private int log(Map<String, String> options, CheckpointVerifier signatures) throws IOException, SQLException {
        if (!options.containsKey("jdbc-url")) {
            return usage("--jdbc-url");
        }
        List<Checkpoint> saved =
                options.containsKey("checkpoint") ? List.of(checkpoint(options.get("checkpoint"))) : List.of();
        try (Connection connection = connect(options)) {
            LedgerVerification verification = new LedgerVerification(signatures, saved);
            long size = LedgerTables.state(connection).size();
            Optional<LedgerFailure> failure =
                    verification.verify(connection, () -> connect(options), size, verified -> {});
            if (failure.isEmpty()) {
                failure = verification.verifyNothingBeyond(connection);
            }
            if (failure.isPresent()) {
                return failed("ledger index " + failure.get().ledgerIndex() + ": "
                        + failure.get().kind() + " (" + failure.get().detail() + ")");
            }
            out.println("OK: " + size + " leaves verified against the stored events and every checkpoint"
                    + (saved.isEmpty()
                            ? ""
                            : ", the saved one of tree size " + saved.get(0).treeSize() + " included"));
            return 0;
        }
    }

    private int erase(Map<String, String> options) {
        for (String required : List.of("signing-key", "jdbc-url", "ledger-index", "payload-file", "reason")) {
            if (!options.containsKey(required)) {
                return usage("--" + required);
            }
        }
        try (Connection connection = connect(options)) {
            KeyPair key = SigningKeys.fromPrivatePem(Files.readString(Path.of(options.get("signing-key"))));
            long index = Long.parseLong(options.get("ledger-index"));
            new PayloadEraser(new CheckpointSigner(key.getPrivate()))
                    .erase(
                            connection,
                            index,
                            Files.readAllBytes(Path.of(options.get("payload-file"))),
                            options.get("reason"),
                            Instant.now());
            out.println("ERASED: the payload sealed at ledger index " + index + " is replaced; the signed erasure"
                    + " lets the ledger verify");
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            out.println("ERROR: " + e.getMessage());
            return 2;
        }
    }

    private static Connection connect(Map<String, String> options) throws SQLException {
        return DriverManager.getConnection(
                options.get("jdbc-url"), options.getOrDefault("user", ""), options.getOrDefault("password", ""));
    }

    private static Checkpoint checkpoint(String file) throws IOException {
        return JSON.readValue(Files.readString(Path.of(file)), CheckpointDocument.class)
                .checkpoint();
    }

    private int failed(String why) {
        out.println("FAILED: " + why);
        return 1;
    }

    private int usage(String missing) {
        out.println("usage: proof --public-key key.pem --checkpoint checkpoint.json --proof proof.json");
        out.println("       log --public-key key.pem --jdbc-url URL [--user U] [--password P] [--checkpoint file]");
        out.println("       erase --signing-key key.pem --jdbc-url URL [--user U] [--password P] --ledger-index N"
                + " --payload-file redacted.json --reason text");
        out.println("missing: " + missing);
        return 2;
    }

    /** {@code --name value} pairs; null when one lacks its value. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return null;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
