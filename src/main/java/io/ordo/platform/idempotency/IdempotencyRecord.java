package io.ordo.platform.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a request with an Idempotency-Key, kept so a retry gets the same answer. */
@Entity
@Table(name = "idempotency_record", indexes = @Index(name = "ix_idempotency_expires", columnList = "expires_at"))
class IdempotencyRecord {

    static final int IN_PROGRESS = 0;

    @Id
    @Column(name = "idempotency_key", length = 300)
    private String key;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(nullable = false)
    private int status;

    @Column(name = "content_type", length = 200)
    private String contentType;

    @Column(length = 2000)
    private String location;

    @Column(length = 200)
    private String etag;

    @Column(length = 65536)
    private String body;

    /** Until answered: when the claim's lease runs out. Then: when the kept answer is forgotten. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** The request that holds the claim; only it may answer or release the key. */
    @Column(name = "claim_token", length = 36)
    private String claimToken;

    protected IdempotencyRecord() {
        // JPA needs it
    }

    IdempotencyRecord(String key, String claimToken, String requestHash, Instant leaseEnds) {
        this.key = key;
        this.claimToken = claimToken;
        this.requestHash = requestHash;
        this.status = IN_PROGRESS;
        this.expiresAt = leaseEnds;
    }

    void answered(int status, String contentType, String location, String etag, String body, Instant keepUntil) {
        this.expiresAt = keepUntil;
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.etag = etag;
        this.body = body;
    }

    boolean isFor(String hash) {
        return requestHash.equals(hash);
    }

    boolean isClaimedBy(String token) {
        return token.equals(claimToken);
    }

    boolean isInProgress() {
        return status == IN_PROGRESS;
    }

    int status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String location() {
        return location;
    }

    String etag() {
        return etag;
    }

    String body() {
        return body;
    }
}
