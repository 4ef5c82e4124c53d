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
        return isSigned(checkpoint.signedText(), checkpoint.signature());
    }

    public boolean isSigned(byte[] text, byte[] signed) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(text);
            return signed != null && signature.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
