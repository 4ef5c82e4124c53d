package io.ordo.integrity.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the tree of {@code second} leaves extends the tree of {@code first}: RFC 9162 §2.1.4.2, step by step.
 * The trivial cases the RFC leaves to the caller: from the empty tree every tree is consistent (an empty proof), and
 * a tree is consistent with itself when the roots are equal (an empty proof).
 */
public final class ConsistencyVerifier {

    private ConsistencyVerifier() {}

    public static boolean verify(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || second < first || firstRoot == null || secondRoot == null) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || c == null || c.length != MerkleHashing.HASH_LENGTH) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashing.nodeHash(c, fr);
                sr = MerkleHashing.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashing.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }
}
