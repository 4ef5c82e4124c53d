package io.ordo.integrity.merkle;

/**
 * The stored hashes of complete, perfect subtrees: the node at {@code level} and {@code position} covers the leaves
 * {@code [position * 2^level, (position + 1) * 2^level)}; level 0 are the leaf hashes. A ledger stores each such node
 * once it is complete, so any root or proof is O(log n) look-ups.
 */
@FunctionalInterface
public interface PerfectSubtrees {

    byte[] hash(int level, long position);
}
