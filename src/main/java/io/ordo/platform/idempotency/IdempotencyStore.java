package io.ordo.platform.idempotency;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims an idempotency key before its request runs, so that of two concurrent requests with one key only one runs,
 * and keeps the answer for {@code ordo.idempotency.retention} (default 24 h). A claim is a lease of
 * {@code ordo.idempotency.lease} (default 30 s, well over the 10 s a command may take): a request that never answered
 * (the instance crashed, the connection was lost before the answer was kept) holds its key only that long, then a
 * retry may claim it and run. Each claim carries its request's token, so a request that outlived its lease cannot
 * overwrite or release the claim of the retry that took over.
 */
@Component
class IdempotencyStore {

    private final IdempotencyRecordRepository records;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Duration retention;
    private final Duration lease;
    private final Clock clock;

    IdempotencyStore(
            IdempotencyRecordRepository records,
            EntityManager entityManager,
            TransactionTemplate transaction,
            @Value("${ordo.idempotency.retention:24h}") Duration retention,
            @Value("${ordo.idempotency.lease:30s}") Duration lease) {
        this.records = records;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.retention = retention;
        this.lease = lease;
        this.clock = Clock.systemUTC();
    }

    /**
     * Empty when the key is now claimed for the request named {@code claimToken}; otherwise the record that already
     * holds it (an answer, or a claim whose lease still runs).
     */
    Optional<IdempotencyRecord> claim(String key, String claimToken, String requestHash) {
        try {
            transaction.executeWithoutResult(status -> {
                records.deleteIfExpired(key, clock.instant());
                // persist, not save: save would merge onto a row another request claimed a moment ago
                entityManager.persist(new IdempotencyRecord(
                        key, claimToken, requestHash, clock.instant().plus(lease)));
                entityManager.flush();
            });
            return Optional.empty();
        } catch (DataIntegrityViolationException | PersistenceException alreadyClaimed) {
            return records.findById(key);
        }
    }

    void answer(
            String key, String claimToken, int status, String contentType, String location, String etag, String body) {
        transaction.executeWithoutResult(tx -> records.findById(key)
                .filter(record -> record.isClaimedBy(claimToken) && record.isInProgress())
                .ifPresent(record -> record.answered(
                        status,
                        contentType,
                        location,
                        etag,
                        body,
                        clock.instant().plus(retention))));
    }

    /** A request that failed on the server's side may be tried again with the same key. */
    void release(String key, String claimToken) {
        transaction.executeWithoutResult(tx -> records.deleteClaim(key, claimToken));
    }

    @Scheduled(fixedDelayString = "${ordo.idempotency.cleanup-interval:PT1H}")
    void forgetExpired() {
        records.deleteExpired(clock.instant());
    }
}
