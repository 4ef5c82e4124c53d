package io.ordo.integrity.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;

/** Signs tree heads (and erasures) with the ledger's Ed25519 private key. */
public final class CheckpointSigner {

    private final PrivateKey key;

    public CheckpointSigner(PrivateKey key) {
        this.key = key;
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, Instant at) {
        String signedAt = at.toString();
        return new Checkpoint(treeSize, rootHash, signedAt, sign(Checkpoint.signedText(treeSize, rootHash, signedAt)));
    }

    /** Ed25519 over a statement's text (a checkpoint's, an erasure's). */
    public byte[] sign(byte[] text) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(text);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the ledger key", e);
        }
    }
}
