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

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyRecord() {
        // JPA needs it
    }

    IdempotencyRecord(String key, String requestHash, Instant expiresAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.status = IN_PROGRESS;
        this.expiresAt = expiresAt;
    }

    void answered(int status, String contentType, String location, String etag, String body) {
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.etag = etag;
        this.body = body;
    }

    boolean isFor(String hash) {
        return requestHash.equals(hash);
    }

    boolean isInProgress() {
        return status == IN_PROGRESS;
    }

    boolean hasExpired(Instant now) {
        return expiresAt.isBefore(now);
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
