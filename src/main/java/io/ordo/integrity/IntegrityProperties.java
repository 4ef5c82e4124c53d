package io.ordo.integrity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.integrity}: the ledger (docs/integrity.md). Off ({@code enabled: false}) in the axonserver profile,
 * whose events live in Axon Server rather than in {@code domain_event_entry}.
 *
 * @param signingKey a PKCS#8 PEM file holding the Ed25519 private key that signs checkpoints
 * @param signingKeyPem the same PEM as text (environment variable {@code ORDO_INTEGRITY_SIGNING_KEY_PEM})
 * @param generateDevelopmentKey without either: generate a key into the data directory on first start (default
 *     profile only; the postgres profile sets false and then does not start without a key)
 * @param batchSize events sealed per transaction at most
 * @param gapTimeout a missing global index is sealed as a gap once the next stored event is this old (Axon's
 *     gap time-out, 60 s)
 * @param sealInterval how often the sealer looks without being woken by a commit (the safety net)
 * @param checkpointEveryEvents sign a checkpoint after this many new leaves
 * @param checkpointEvery or after this long, when leaves were added
 * @param auditInterval how often the auditor verifies what was sealed since its last run
 * @param auditBatch leaves the auditor verifies per run at most, so a large store's first audit shares the scheduler
 */
@ConfigurationProperties("ordo.integrity")
public record IntegrityProperties(
        Boolean enabled,
        Path signingKey,
        String signingKeyPem,
        Boolean generateDevelopmentKey,
        Integer batchSize,
        Duration gapTimeout,
        Duration sealInterval,
        Long checkpointEveryEvents,
        Duration checkpointEvery,
        Duration auditInterval,
        Integer auditBatch) {

    public IntegrityProperties {
        enabled = enabled == null || enabled;
        generateDevelopmentKey = generateDevelopmentKey != null && generateDevelopmentKey;
        batchSize = positive(batchSize, 1000, "batch-size");
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        sealInterval = sealInterval == null ? Duration.ofSeconds(1) : sealInterval;
        checkpointEveryEvents = checkpointEveryEvents == null ? 1000L : checkpointEveryEvents;
        checkpointEvery = checkpointEvery == null ? Duration.ofSeconds(10) : checkpointEvery;
        auditInterval = auditInterval == null ? Duration.ofSeconds(10) : auditInterval;
        auditBatch = positive(auditBatch, 50_000, "audit-batch");
        if (checkpointEveryEvents < 1) {
            throw new IllegalArgumentException("ordo.integrity.checkpoint-every-events must be at least 1");
        }
    }

    private static int positive(Integer value, int otherwise, String name) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException("ordo.integrity." + name + " must be at least 1");
        }
        return value == null ? otherwise : value;
    }
}
