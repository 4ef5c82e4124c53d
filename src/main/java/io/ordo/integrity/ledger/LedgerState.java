package io.ordo.integrity.ledger;

/** How far the ledger reaches: its number of leaves and the first global index not sealed yet. */
public record LedgerState(long size, long nextGlobalIndex) {}
