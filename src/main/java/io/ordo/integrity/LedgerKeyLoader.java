package io.ordo.integrity;

import io.ordo.integrity.checkpoint.SigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint signing key: the PEM text, else the PEM file, else (default profile only) a development key in
 * the data directory, generated on first start. The key never goes into the database: whoever can rewrite the
 * database must not be able to sign for it.
 */
final class LedgerKeyLoader {

    static final String DEVELOPMENT_KEY_FILE = "ledger-signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(LedgerKeyLoader.class);

    private LedgerKeyLoader() {}

    static KeyPair load(IntegrityProperties properties, Path dataDir) {
        if (properties.signingKeyPem() != null && !properties.signingKeyPem().isBlank()) {
            return SigningKeys.fromPrivatePem(properties.signingKeyPem());
        }
        if (properties.signingKey() != null
                && !properties.signingKey().toString().isBlank()) {
            return SigningKeys.fromPrivatePem(read(properties.signingKey()));
        }
        if (!properties.generateDevelopmentKey()) {
            throw new IllegalStateException("ordo.integrity.signing-key is required: a PKCS#8 PEM file with the"
                    + " Ed25519 key that signs ledger checkpoints (or its text in ORDO_INTEGRITY_SIGNING_KEY_PEM);"
                    + " make one with: openssl genpkey -algorithm ed25519 -out ledger-key.pem");
        }
        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        if (!Files.exists(file)) {
            write(file, SigningKeys.privatePem(SigningKeys.generate().getPrivate()));
            log.warn(
                    "Generated a DEVELOPMENT ledger signing key in {}: it lies beside the database it vouches for;"
                            + " in production set ordo.integrity.signing-key (docs/integrity.md)",
                    file.toAbsolutePath());
        } else {
            log.warn(
                    "Signing ledger checkpoints with the DEVELOPMENT key {} (docs/integrity.md)",
                    file.toAbsolutePath());
        }
        return SigningKeys.fromPrivatePem(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger signing key " + file, e);
        }
    }

    private static void write(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the directory's permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the development ledger key " + file, e);
        }
    }
}
