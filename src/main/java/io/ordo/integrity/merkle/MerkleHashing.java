package io.ordo.integrity.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of RFC 9162 §2.1.1: a leaf is SHA-256(0x00 || data) and an interior node SHA-256(0x01 || left || right).
 * The two prefixes keep a leaf from ever passing for a node (second-preimage resistance).
 */
public final class MerkleHashing {

    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /**
     * One digest per thread, reused: looking SHA-256 up in the security providers for every leaf and node cost more
     * than hashing their few dozen bytes. {@code digest()} resets it, and nothing here calls out while one is in use.
     */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHashing::sha256);

    private MerkleHashing() {}

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        return digest.digest(data);
    }

    /** The leaf hash of {@code data[offset, offset + length)}. */
    public static byte[] leafHash(byte[] data, int offset, int length) {
        MessageDigest digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = DIGEST.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        return digest.digest(right);
    }

    /** Plain SHA-256 of {@code data} (no prefix), with this thread's digest. */
    public static byte[] sha256Of(byte[] data) {
        return DIGEST.get().digest(data);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
