package io.ordo.integrity.ledger;

/** The stored tree lacks a node it must have: the ledger was cut or damaged. */
public class MissingTreeNodeException extends IllegalStateException {

    public MissingTreeNodeException(int level, long position) {
        super("ledger_node has no node at level " + level + ", position " + position);
    }
}
