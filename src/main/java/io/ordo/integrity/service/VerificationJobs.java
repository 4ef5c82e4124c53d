package io.ordo.integrity.service;

import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.LedgerKey;
import io.ordo.integrity.ledger.LedgerFailure;
import io.ordo.integrity.ledger.LedgerTables;
import io.ordo.integrity.ledger.LedgerVerification;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Full verifications from the first leaf, one at a time on a thread of their own: a large ledger takes longer than an
 * HTTP request should, so a client starts one and polls its progress (and the job survives the client going away).
 * Starting while one runs answers the running one. The last {@value #KEPT} jobs are kept, in memory only.
 */
@Component
@ConditionalOnLedger
public class VerificationJobs implements DisposableBean {

    static final int KEPT = 20;

    private static final Logger log = LoggerFactory.getLogger(VerificationJobs.class);

    private final DataSource dataSource;
    private final LedgerKey key;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, VerificationJob> jobs = new LinkedHashMap<>();

    VerificationJobs(DataSource dataSource, LedgerKey key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    public synchronized VerificationJob start() {
        Optional<VerificationJob> running = jobs.values().stream()
                .filter(job -> job.state() == VerificationJob.State.RUNNING)
                .findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        VerificationJob job = VerificationJob.started(UUID.randomUUID().toString(), Instant.now());
        put(job);
        executor.execute(() -> run(job.id()));
        return job;
    }

    public synchronized Optional<VerificationJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * The job once it is no longer RUNNING, or as it is after {@code atMost}: a client can wait for the result in one
     * request instead of polling (every update wakes the waiters).
     */
    public synchronized Optional<VerificationJob> await(String id, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        VerificationJob job = jobs.get(id);
        while (job != null && job.state() == VerificationJob.State.RUNNING) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            job = jobs.get(id);
        }
        return Optional.ofNullable(job);
    }

    private void run(String id) {
        try (Connection connection = dataSource.getConnection()) {
            LedgerVerification verification = new LedgerVerification(key.verifier());
            long size = LedgerTables.state(connection).size();
            update(id, job -> job.progressed(0, size));
            Optional<LedgerFailure> failure = verification.verify(
                    connection,
                    dataSource::getConnection,
                    size,
                    verified -> update(id, job -> job.progressed(verified, size)));
            if (failure.isEmpty()) {
                failure = verification.verifyNothingBeyond(connection);
            }
            LedgerFailure found = failure.orElse(null);
            update(id, job -> job.finished(found, Instant.now()));
            if (found != null) {
                log.error(
                        "Ledger verification {} FAILED at ledger index {}: {} ({})",
                        id,
                        found.ledgerIndex(),
                        found.kind(),
                        found.detail());
            }
        } catch (Exception e) {
            log.warn("Ledger verification {} could not run to the end", id, e);
            update(
                    id,
                    job -> job.failed(
                            "the verification could not run to the end: "
                                    + e.getClass().getSimpleName(),
                            Instant.now()));
        }
    }

    private synchronized void update(String id, java.util.function.UnaryOperator<VerificationJob> change) {
        jobs.computeIfPresent(id, (key, job) -> change.apply(job));
        notifyAll();
    }

    private void put(VerificationJob job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
