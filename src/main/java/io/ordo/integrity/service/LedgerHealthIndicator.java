package io.ordo.integrity.service;

import io.ordo.integrity.ConditionalOnLedger;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** The {@code ledger} health component: DOWN while the auditor's last run found the ledger broken, and where. */
@Component("ledger")
@ConditionalOnLedger
class LedgerHealthIndicator extends AbstractHealthIndicator {

    private final LedgerAuditor auditor;

    LedgerHealthIndicator(LedgerAuditor auditor) {
        super("the ledger audit cannot be read");
        this.auditor = auditor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        auditor.last()
                .ifPresentOrElse(
                        result -> {
                            if (result.failure() == null) {
                                builder.up();
                            } else {
                                builder.down()
                                        .withDetail(
                                                "brokenLedgerIndex",
                                                result.failure().ledgerIndex())
                                        .withDetail("problem", result.failure().kind())
                                        .withDetail("detail", result.failure().detail());
                            }
                            builder.withDetail("verifiedLeaves", result.verifiedSize())
                                    .withDetail("ledgerSize", result.ledgerSize())
                                    .withDetail("lastAudit", result.at().toString());
                        },
                        () -> builder.up().withDetail("lastAudit", "not yet"));
    }
}
