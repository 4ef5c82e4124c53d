package io.ordo.integrity;

import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import java.security.PublicKey;

/** The ledger's signing key as the service uses it: the private half only inside the signer. */
public record LedgerKey(PublicKey publicKey, CheckpointSigner signer, CheckpointVerifier verifier) {}
