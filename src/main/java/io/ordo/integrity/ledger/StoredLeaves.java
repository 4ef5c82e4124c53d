package io.ordo.integrity.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Compares the leaves a verification recomputes with the stored ones (ledger_node level 0) a block of
 * {@code 2^blockLevel} leaves at a time, instead of reading the stored leaf of every leaf: when the recomputed tree
 * completes a block, its hash is compared with the stored node over the same leaves, one look-up for the block; equal
 * hashes mean equal leaves (SHA-256, as the signed roots rely on). Only when they differ, or a block is left incomplete
 * (the end of a verification, a failure), are the stored leaves of the leaves not checked yet read, in one range query,
 * to name the first that differs. A verification thus still finds the exact index of an event changed in a field the
 * ledger entry does not hold (its type, revision or timestamp), at a fraction of the reads.
 */
final class StoredLeaves {

    private final int blockLevel;
    private final List<byte[]> unchecked = new ArrayList<>();
    private long checkedThrough;

    /** Compares from {@code from}, the leaves before it taken as checked. */
    StoredLeaves(int blockLevel, long from) {
        this.blockLevel = blockLevel;
        this.checkedThrough = from;
    }

    /** Leaves {@code [0, checkedThrough())} are equal to the stored ones. */
    long checkedThrough() {
        return checkedThrough;
    }

    /** Takes leaf {@code checkedThrough() + unchecked leaves}, to be compared later. */
    void recomputed(byte[] leaf) {
        unchecked.add(leaf);
    }

    /**
     * Told of each perfect subtree the recomputed tree completes: one of the block level covers the leaves not checked
     * yet (blocks complete in order), compared as a whole with the stored node. Answers the first leaf that differs.
     */
    OptionalLong completed(Connection connection, int level, long position, byte[] hash) throws SQLException {
        if (level != blockLevel) {
            return OptionalLong.empty();
        }
        byte[] stored = LedgerTables.node(connection, level, position).orElse(null);
        if (Arrays.equals(stored, hash)) {
            checked();
            return OptionalLong.empty();
        }
        return checkUnchecked(connection);
    }

    /**
     * Reads the stored leaves of the leaves not checked yet and answers the first that differs from the recomputed one
     * (or is missing); when none does, they count as checked.
     */
    OptionalLong checkUnchecked(Connection connection) throws SQLException {
        if (unchecked.isEmpty()) {
            return OptionalLong.empty();
        }
        long to = checkedThrough + unchecked.size();
        List<TreeNode> stored = LedgerTables.leaves(connection, checkedThrough, to);
        for (int i = 0; i < unchecked.size(); i++) {
            TreeNode leaf = i < stored.size() ? stored.get(i) : null;
            if (leaf == null
                    || leaf.position() != checkedThrough + i
                    || !Arrays.equals(leaf.hash(), unchecked.get(i))) {
                return OptionalLong.of(checkedThrough + i);
            }
        }
        checked();
        return OptionalLong.empty();
    }

    private void checked() {
        checkedThrough += unchecked.size();
        unchecked.clear();
    }
}
