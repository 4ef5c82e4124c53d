package io.ordo.integrity.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: the roots of the perfect subtrees that the leaves so far decompose into (one per
 * set bit of the size, largest first). Appending a leaf merges equal-sized neighbours, reporting every perfect subtree
 * it completes, and the root of the whole tree folds the edge from the right. It holds at most 64 hashes, so a sealer
 * or an auditor can follow a log of any length in constant memory.
 */
public final class CompactRange {

    /** Told of each perfect subtree completed by an append, the leaf itself (level 0) included. */
    @FunctionalInterface
    public interface CompletedSubtrees {
        void completed(int level, long position, byte[] hash);
    }

    private final List<byte[]> edge = new ArrayList<>();
    private long size;

    public CompactRange() {}

    /** The edge of the tree of {@code size} leaves, read from its stored subtrees. */
    public static CompactRange of(long size, PerfectSubtrees subtrees) {
        CompactRange range = new CompactRange();
        long offset = 0;
        for (int level = 63; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                range.edge.add(subtrees.hash(level, offset >> level));
                offset += width;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    public void append(byte[] leafHash, CompletedSubtrees completed) {
        long position = size;
        byte[] hash = leafHash;
        int level = 0;
        completed.completed(level, position, hash);
        edge.add(hash);
        while ((position & 1) == 1) {
            byte[] right = edge.remove(edge.size() - 1);
            byte[] left = edge.remove(edge.size() - 1);
            hash = MerkleHashing.nodeHash(left, right);
            position >>= 1;
            level++;
            completed.completed(level, position, hash);
            edge.add(hash);
        }
        size++;
    }

    public void append(byte[] leafHash) {
        append(leafHash, (level, position, hash) -> {});
    }

    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHashing.emptyRoot();
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = MerkleHashing.nodeHash(edge.get(i), root);
        }
        return root;
    }

    public CompactRange copy() {
        CompactRange copy = new CompactRange();
        copy.edge.addAll(edge);
        copy.size = size;
        return copy;
    }
}
