package io.ordo.platform.projections;

import io.ordo.platform.storage.CommitDurability;
import java.util.Locale;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactions of a processor a crash may rewind ({@link RewindableProcessor}: a projection's rows, token and dead
 * letters; the saga's state, token, deadlines and the events of the commands it sent): on PostgreSQL each one commits
 * with {@code synchronous_commit} off, so the commit returns before its WAL is flushed to disk. A crash of the
 * database server may then lose the last few hundred milliseconds of such commits, never a part of one: replaying the
 * WAL gives a prefix of the commits, in which a batch's writes and the token that says they were made are both there
 * or both gone, and the processor reads the events after its token again. Commands sent from HTTP and the ledger keep
 * their forced commits: an answer promised them.
 *
 * <p>The setting is {@code SET LOCAL}, on the connection the transaction holds (the one JDBC writes through), and ends
 * with the transaction; only a transaction this manager begins is relaxed, never an outer one it joins. H2 has no such
 * setting: there the transaction is marked {@link CommitDurability#relax relaxed}, so its commit does not wait for the
 * group commit's write and goes to disk with the next one (within the URL's write delay). On both, the relaxed commits
 * are not counted as durable ones ({@code ordo.jdbc.commits}).
 */
final class RelaxedCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    RelaxedCommits(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        boolean joinsAnother = TransactionSynchronizationManager.isActualTransactionActive();
        Transaction transaction = transactions.startTransaction();
        if (joinsAnother) {
            return transaction;
        }
        CommitDurability.relax();
        try {
            relax();
        } catch (RuntimeException | Error e) {
            try {
                transaction.rollback();
            } finally {
                CommitDurability.restore();
            }
            throw e;
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    CommitDurability.restore();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    CommitDurability.restore();
                }
            }
        };
    }

    private void relax() {
        if (onPostgres()) {
            jdbc.execute("set local synchronous_commit to off");
        }
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgresql"));
            postgres = known;
        }
        return known;
    }
}
