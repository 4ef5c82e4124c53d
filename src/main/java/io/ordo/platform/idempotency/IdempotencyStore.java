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
 * and keeps the answer for {@code ordo.idempotency.retention} (default 24 h).
 */
@Component
class IdempotencyStore {

    private final IdempotencyRecordRepository records;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    private final Duration retention;
    private final Clock clock;

    IdempotencyStore(
            IdempotencyRecordRepository records,
            EntityManager entityManager,
            TransactionTemplate transaction,
            @Value("${ordo.idempotency.retention:24h}") Duration retention) {
        this.records = records;
        this.entityManager = entityManager;
        this.transaction = transaction;
        this.retention = retention;
        this.clock = Clock.systemUTC();
    }

    /** Empty when the key is now claimed for this request; otherwise the record that already holds it. */
    Optional<IdempotencyRecord> claim(String key, String requestHash) {
        try {
            transaction.executeWithoutResult(status -> {
                records.findById(key)
                        .filter(existing -> existing.hasExpired(clock.instant()))
                        .ifPresent(expired -> {
                            records.delete(expired);
                            records.flush();
                        });
                // persist, not save: save would merge onto a row another request claimed a moment ago
                entityManager.persist(
                        new IdempotencyRecord(key, requestHash, clock.instant().plus(retention)));
                entityManager.flush();
            });
            return Optional.empty();
        } catch (DataIntegrityViolationException | PersistenceException alreadyClaimed) {
            return records.findById(key);
        }
    }

    void answer(String key, int status, String contentType, String location, String etag, String body) {
        transaction.executeWithoutResult(tx ->
                records.findById(key).ifPresent(record -> record.answered(status, contentType, location, etag, body)));
    }

    /** A request that failed on the server's side may be tried again with the same key. */
    void release(String key) {
        transaction.executeWithoutResult(tx -> records.deleteById(key));
    }

    @Scheduled(fixedDelayString = "${ordo.idempotency.cleanup-interval:PT1H}")
    void forgetExpired() {
        records.deleteExpired(clock.instant());
    }
}
