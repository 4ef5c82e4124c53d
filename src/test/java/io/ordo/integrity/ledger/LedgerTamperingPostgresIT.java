package io.ordo.integrity.ledger;

import io.ordo.support.EmbeddedPostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tampering contract on PostgreSQL (the postgres profile's database), the run's shared embedded server. */
class LedgerTamperingPostgresIT extends LedgerTamperingContract {

    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = new EmbeddedPostgresExtension();

    @Override
    TestStore newStore() {
        return TestStore.postgres(POSTGRES.newDatabase());
    }
}
