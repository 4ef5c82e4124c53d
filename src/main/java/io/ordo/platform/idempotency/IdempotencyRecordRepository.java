package io.ordo.platform.idempotency;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecord, String> {

    @Modifying
    @Transactional
    @Query("delete from IdempotencyRecord r where r.expiresAt < :now")
    int deleteExpired(Instant now);

    /** A bulk delete, not a load and remove: two retries may both find the same expired claim. */
    @Modifying
    @Query("delete from IdempotencyRecord r where r.key = :key and r.expiresAt < :now")
    int deleteIfExpired(String key, Instant now);

    @Modifying
    @Query("delete from IdempotencyRecord r where r.key = :key and r.claimToken = :claimToken and r.status = 0")
    int deleteClaim(String key, String claimToken);
}
