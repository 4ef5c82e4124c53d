package io.ordo.integrity.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of RFC 9162 §2.1 (MTH, PATH, PROOF) for a tree of any size, read from its stored perfect
 * subtrees. The recursion splits a range at the largest power of two below its size, so each range it reaches is
 * either a stored perfect subtree (one look-up) or splits again: a root or proof costs O(log n) look-ups.
 */
public final class MerkleTree {

    private final PerfectSubtrees subtrees;

    public MerkleTree(PerfectSubtrees subtrees) {
        this.subtrees = subtrees;
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? MerkleHashing.emptyRoot() : hash(0, size);
    }

    /** PATH(index, D[0:size]): the audit path of leaf {@code index}, leaf-side first. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        long from = 0;
        long to = size;
        List<byte[]> rootSide = new ArrayList<>();
        while (to - from > 1) {
            long split = from + largestPowerOfTwoBelow(to - from);
            if (index < split) {
                rootSide.add(hash(split, to));
                to = split;
            } else {
                rootSide.add(hash(from, split));
                from = split;
            }
        }
        for (int i = rootSide.size() - 1; i >= 0; i--) {
            path.add(rootSide.get(i));
        }
        return path;
    }

    /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when {@code first} is 0 or equals {@code second}. */
    public List<byte[]> consistencyProof(long first, long second) {
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> rootSide = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, rootSide);
        }
        List<byte[]> proof = new ArrayList<>(rootSide.size());
        for (int i = rootSide.size() - 1; i >= 0; i--) {
            proof.add(rootSide.get(i));
        }
        return proof;
    }

    /** SUBPROOF(m, D[from:to], b), collected root-side first (the RFC appends on the way back up). */
    private void subproof(long m, long from, long to, boolean wholeSubtree, List<byte[]> rootSide) {
        long size = to - from;
        if (m == size) {
            if (!wholeSubtree) {
                rootSide.add(hash(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(size);
        if (m <= k) {
            rootSide.add(hash(from + k, to));
            subproof(m, from, from + k, wholeSubtree, rootSide);
        } else {
            rootSide.add(hash(from, from + k));
            subproof(m - k, from + k, to, false, rootSide);
        }
    }

    /** MTH(D[from:to]) for a non-empty range the RFC recursion reaches. */
    private byte[] hash(long from, long to) {
        long size = to - from;
        if (Long.bitCount(size) == 1 && from % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.hash(level, from >> level);
        }
        long split = from + largestPowerOfTwoBelow(size);
        return MerkleHashing.nodeHash(hash(from, split), hash(split, to));
    }

    /** The largest power of two strictly below {@code n} (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size: " + size);
        }
    }
}
