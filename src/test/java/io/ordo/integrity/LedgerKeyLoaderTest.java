package io.ordo.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.support.LedgerTestKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the checkpoint signing key comes from, and that a production profile does not start without one. */
class LedgerKeyLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAKeyAndWithoutDevelopmentKeysItRefusesToStartAndSaysWhatToSet() {
        assertThatThrownBy(() -> LedgerKeyLoader.load(properties(null, null, false), dataDir))
                .hasMessageStartingWith("ordo.integrity.signing-key is required")
                .hasMessageContaining("ORDO_INTEGRITY_SIGNING_KEY_PEM");
        assertThat(dataDir.resolve(LedgerKeyLoader.DEVELOPMENT_KEY_FILE)).doesNotExist();
    }

    @Test
    void aDevelopmentKeyIsGeneratedOnceIntoTheDataFolderAndKept() {
        KeyPair first = LedgerKeyLoader.load(properties(null, null, true), dataDir);
        KeyPair second = LedgerKeyLoader.load(properties(null, null, true), dataDir);

        assertThat(dataDir.resolve(LedgerKeyLoader.DEVELOPMENT_KEY_FILE)).exists();
        assertThat(second.getPublic()).isEqualTo(first.getPublic());
    }

    @Test
    void aKeyFromAPemFileOrFromTextWithoutHeadersIsTheSameKey() throws Exception {
        KeyPair fromText = LedgerKeyLoader.load(properties(null, LedgerTestKey.PRIVATE_KEY, false), dataDir);
        Path file = Files.writeString(dataDir.resolve("key.pem"), SigningKeys.privatePem(fromText.getPrivate()));
        KeyPair fromFile = LedgerKeyLoader.load(properties(file, null, false), dataDir);

        assertThat(fromFile.getPublic()).isEqualTo(fromText.getPublic());
        assertThat(SigningKeys.fromPublicPem(SigningKeys.publicPem(fromText.getPublic())))
                .isEqualTo(fromText.getPublic());
    }

    private static IntegrityProperties properties(Path file, String pem, boolean generate) {
        return new IntegrityProperties(true, file, pem, generate, null, null, null, null, null, null, null);
    }
}
