package io.ordo.integrity.merkle;

import java.security.MessageDigest;
import java.util.List;

/** Checks an audit path: the algorithm of RFC 9162 §2.1.3.2, step by step. */
public final class InclusionVerifier {

    private InclusionVerifier() {}

    public static boolean verify(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leafHash == null || root == null) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p == null || p.length != MerkleHashing.HASH_LENGTH) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashing.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashing.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }
}
