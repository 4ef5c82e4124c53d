package io.ordo.integrity.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;

/** Signs tree heads with the ledger's Ed25519 private key. */
public final class CheckpointSigner {

    private final PrivateKey key;

    public CheckpointSigner(PrivateKey key) {
        this.key = key;
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, Instant at) {
        String signedAt = at.toString();
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(Checkpoint.signedText(treeSize, rootHash, signedAt));
            return new Checkpoint(treeSize, rootHash, signedAt, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with the ledger key", e);
        }
    }
}
