package io.ordo.integrity.ledger;

/** The tampering contract on an H2 store (the default profile's database); PostgreSQL: LedgerTamperingPostgresIT. */
class LedgerTamperingTest extends LedgerTamperingContract {

    @Override
    TestStore newStore() {
        return TestStore.h2();
    }
}
