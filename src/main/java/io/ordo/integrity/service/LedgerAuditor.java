package io.ordo.integrity.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.IntegrityProperties;
import io.ordo.integrity.LedgerKey;
import io.ordo.integrity.ledger.LedgerFailure;
import io.ordo.integrity.ledger.LedgerTables;
import io.ordo.integrity.ledger.LedgerVerification;
import java.sql.Connection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies, every {@code audit-interval}, what was sealed since its last run, and the checkpoints signed over it:
 * leaves recomputed from the stored events, roots and signatures checked. It starts from the first leaf when the
 * instance starts, at most {@code audit-batch} leaves a run. A failure shows as the {@code ledger} health component
 * DOWN, counts in {@code ordo.integrity.audit.failures} once per failure found, and is logged with its ledger index;
 * the auditor then stays before the broken leaf and checks it again each run, so a repair clears it.
 */
@Component
@ConditionalOnLedger
class LedgerAuditor {

    private static final Logger log = LoggerFactory.getLogger(LedgerAuditor.class);

    private final DataSource dataSource;
    private final IntegrityProperties properties;
    private final LedgerVerification verification;
    private final Counter failures;
    private volatile AuditResult last;

    LedgerAuditor(DataSource dataSource, IntegrityProperties properties, LedgerKey key, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.verification = new LedgerVerification(key.verifier());
        this.failures = Counter.builder("ordo.integrity.audit.failures")
                .description("Ledger failures the continuous auditor found (each counted once)")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${ordo.integrity.audit-interval:10s}",
            initialDelayString = "${ordo.integrity.audit-interval:10s}")
    synchronized void audit() {
        try (Connection connection = dataSource.getConnection()) {
            long ledgerSize = LedgerTables.state(connection).size();
            long upTo = Math.min(ledgerSize, verification.verifiedSize() + properties.auditBatch());
            Optional<LedgerFailure> failure =
                    verification.verify(connection, dataSource::getConnection, upTo, size -> {});
            if (failure.isEmpty() && verification.verifiedSize() == ledgerSize) {
                failure = verification.verifyNothingBeyond(connection);
            }
            report(new AuditResult(Instant.now(), verification.verifiedSize(), ledgerSize, failure.orElse(null)));
        } catch (Exception e) {
            log.warn("The ledger audit could not run; trying again in {}", properties.auditInterval(), e);
        }
    }

    Optional<AuditResult> last() {
        return Optional.ofNullable(last);
    }

    private void report(AuditResult result) {
        LedgerFailure before = last == null ? null : last.failure();
        if (result.failure() != null && !Objects.equals(before, result.failure())) {
            failures.increment();
            log.error(
                    "Ledger audit FAILED at ledger index {}: {} ({})",
                    result.failure().ledgerIndex(),
                    result.failure().kind(),
                    result.failure().detail());
        } else if (result.failure() == null && before != null) {
            log.info("Ledger audit passes again: {} leaves verified", result.verifiedSize());
        }
        last = result;
    }
}
