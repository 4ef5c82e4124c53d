package io.ordo.support;

/**
 * An Ed25519 key for signing ledger checkpoints in tests of the postgres profile, which has no development key: the
 * PKCS#8 DER in base64, one line (the PEM's header and line breaks are optional), public in this file like
 * {@link PaymentProvider#DEVELOPMENT_SECRET}.
 */
public final class LedgerTestKey {

    public static final String PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIP+4eNLIPz0uepxCGSjAXzC2ds/iEnlLuYwDVLlpODMZ";

    private LedgerTestKey() {}
}
