package io.ordo.integrity.ledger;

/** A complete perfect subtree of the ledger's tree, as stored in {@code ledger_node}. */
public record TreeNode(int level, long position, byte[] hash) {}
