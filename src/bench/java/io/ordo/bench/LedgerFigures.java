package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tamper-evident ledger's figures (docs/integrity.md): how far sealing lags behind the events (the sealer's
 * quantiles, from the service's Prometheus scrape) and how fast a full verification runs. Its CPU is a thread group
 * of its own in the load table ("ledger (integrity)"). Printed as log lines; a service without the ledger (the
 * baseline, an older build) answers nothing and is skipped.
 */
final class LedgerFigures {

    private static final Pattern QUANTILE =
            Pattern.compile("ordo_integrity_seal_lag_seconds\\{[^}]*quantile=\"([0-9.]+)\"[^}]*} ([0-9.eE+-]+)");

    private LedgerFigures() {}

    /** The seal lag's p50 and p99 over the last minutes (Micrometer's decaying window), or null. */
    static String sealLag(ServiceProcess service) {
        try (Http admin = service.adminHttp()) {
            Http.Response scrape = admin.getText("/actuator/prometheus");
            if (!scrape.ok()) {
                return null;
            }
            StringBuilder figures = new StringBuilder();
            Matcher quantile = QUANTILE.matcher(scrape.body());
            while (quantile.find()) {
                figures.append(String.format(
                        " p%d %.0f ms",
                        Math.round(Double.parseDouble(quantile.group(1)) * 100),
                        Double.parseDouble(quantile.group(2)) * 1000));
            }
            return figures.isEmpty() ? null : "seal lag" + figures;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Runs a full verification as a job and answers its result and leaves per second, or null. */
    static String verify(ServiceProcess service, Duration atMost) throws InterruptedException {
        try (Http admin = service.adminHttp()) {
            Http.Response started = admin.post("/api/admin/integrity/verify", null);
            if (!started.ok()) {
                return null;
            }
            String id = started.json().path("id").asText();
            Instant deadline = Instant.now().plus(atMost);
            JsonNode job = started.json();
            while (job.path("state").asText().equals("RUNNING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                job = admin.get("/api/admin/integrity/verify/" + id).json();
            }
            if (!job.hasNonNull("finishedAt")) {
                return "verification still running after " + atMost;
            }
            double seconds = Duration.between(
                                    Instant.parse(job.path("startedAt").asText()),
                                    Instant.parse(job.path("finishedAt").asText()))
                            .toMillis()
                    / 1000.0;
            long leaves = job.path("verifiedLeaves").asLong();
            return String.format(
                    "full verification %s: %,d leaves in %.1f s = %,.0f leaves/s",
                    job.path("state").asText(), leaves, seconds, leaves / Math.max(seconds, 0.001));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
