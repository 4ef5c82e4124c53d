package io.ordo.integrity.service;

import static io.ordo.support.Orders.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import io.ordo.support.Products;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The continuous auditor on the running service's H2 store: a payload changed by SQL after sealing turns the ledger
 * health component DOWN with the exact ledger index, is counted once, and clears when the payload is put back. The
 * test profile sets the audit interval to an hour and calls the auditor itself, so that it tampers between two runs.
 */
@HttpTest
class LedgerAuditorTest {

    @Autowired
    HttpJson http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerAuditor auditor;

    @Autowired
    MeterRegistry meters;

    @Test
    void aPayloadChangedAfterSealingIsFoundAtItsIndexCountedOnceAndClearedWhenPutBack() {
        Products.ensureStandardProducts(http);
        auditor.audit();
        assertThat(ledgerHealth().get("status").asText()).isEqualTo("UP");
        double failuresBefore = failures();
        String orderId = "audited-" + UUID.randomUUID();
        assertThat(http.post("/api/orders", placeOrder(orderId, "c-audit")).status())
                .isEqualTo(201);
        long index = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> jdbc.queryForList(
                                "select ledger_index from ledger_entry where aggregate_identifier = ?",
                                Long.class,
                                orderId),
                        indexes -> !indexes.isEmpty())
                .get(0);

        long global =
                jdbc.queryForObject("select global_index from ledger_entry where ledger_index = ?", Long.class, index);
        byte[] original = jdbc.queryForObject(
                "select payload from domain_event_entry where global_index = ?", byte[].class, global);
        jdbc.update(
                "update domain_event_entry set payload = ? where global_index = ?",
                new String(original, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("c-audit", "c-forged")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                global);
        try {
            auditor.audit();
            auditor.audit();

            JsonNode health = ledgerHealth();
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/details/brokenLedgerIndex").asLong()).isEqualTo(index);
            assertThat(health.at("/details/problem").asText()).isEqualTo("PAYLOAD_CHANGED");
            assertThat(failures()).isEqualTo(failuresBefore + 1);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, global);
        }
        auditor.audit();
        assertThat(ledgerHealth().get("status").asText()).isEqualTo("UP");
    }

    private JsonNode ledgerHealth() {
        return http.asAdmin().unchecked().get("/actuator/health").json().at("/components/ledger");
    }

    private double failures() {
        return meters.get("ordo.integrity.audit.failures").counter().count();
    }
}
