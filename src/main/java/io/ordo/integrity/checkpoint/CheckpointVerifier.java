package io.ordo.integrity.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks a checkpoint's Ed25519 signature against the ledger's published public key. */
public final class CheckpointVerifier {

    private final PublicKey key;

    public CheckpointVerifier(PublicKey key) {
        this.key = key;
    }

    public boolean isSigned(Checkpoint checkpoint) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(checkpoint.signedText());
            return signature.verify(checkpoint.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
