package io.ordo.bench;

import io.ordo.integrity.checkpoint.CheckpointSigner;
import io.ordo.integrity.checkpoint.CheckpointVerifier;
import io.ordo.integrity.checkpoint.SigningKeys;
import io.ordo.integrity.ledger.LedgerFailure;
import io.ordo.integrity.ledger.LedgerSealer;
import io.ordo.integrity.ledger.LedgerTables;
import io.ordo.integrity.ledger.LedgerVerification;
import io.ordo.integrity.ledger.SealResult;
import io.ordo.integrity.ledger.SealSettings;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * Full verification's speed alone, without the service: an H2 file store (the service's schema and URL) filled once
 * with orders' events shaped as the service writes them and sealed by the real sealer (a checkpoint every 1,000
 * leaves, as the default configuration), then verified {@code runs} times back to back in this JVM, each run timed by
 * the wall clock and by the CPU of the whole process (the verification's reader thread counts too, and so do the JIT
 * and the collector) and of the calling thread.
 * Ratios between builds are what it is for, measured on the same store back to back; the benchmark's replay phase
 * gives the in-service figure.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.ordo.bench.VerificationSpeed \
 *     target/verification-store 200000 5
 * </pre>
 */
public final class VerificationSpeed {

    private VerificationSpeed() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/verification-store");
        long events = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("ordo") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                + System.getProperty("verification.url-options", "");
        Path keyFile = folder.resolve("key.pem");
        if (!Files.exists(keyFile)) {
            Files.createDirectories(folder);
            KeyPair key = SigningKeys.generate();
            Files.writeString(keyFile, SigningKeys.privatePem(key.getPrivate()));
            fill(url, events);
            seal(url, new CheckpointSigner(key.getPrivate()));
        }
        CheckpointVerifier signatures = new CheckpointVerifier(
                SigningKeys.fromPrivatePem(Files.readString(keyFile)).getPublic());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            try (Connection connection = DriverManager.getConnection(url, "ordo", "")) {
                long size = LedgerTables.state(connection).size();
                long cpuBefore = os.getProcessCpuTime();
                long mainBefore = threads.getCurrentThreadCpuTime();
                long gcBefore = gcMillis();
                long wallBefore = System.nanoTime();
                LedgerVerification verification = new LedgerVerification(signatures);
                Optional<LedgerFailure> failure = verification.verify(
                        connection, () -> DriverManager.getConnection(url, "ordo", ""), size, verified -> {});
                long wall = System.nanoTime() - wallBefore;
                long cpu = os.getProcessCpuTime() - cpuBefore;
                long main = threads.getCurrentThreadCpuTime() - mainBefore;
                long gc = gcMillis() - gcBefore;
                System.out.printf(
                        "run %d: %s %,d leaves in %.2f s wall = %,.0f leaves/s; CPU %.2f s = %.2f µs/leaf"
                                + " (%,.0f leaves per CPU-second), of which the calling thread %.2f µs/leaf;"
                                + " collector pauses %.2f s%n",
                        run,
                        failure.map(f -> "FAILED " + f).orElse("PASSED"),
                        verification.verifiedSize(),
                        wall / 1e9,
                        verification.verifiedSize() / (wall / 1e9),
                        cpu / 1e9,
                        cpu / 1e3 / verification.verifiedSize(),
                        verification.verifiedSize() / (cpu / 1e9),
                        main / 1e3 / verification.verifiedSize(),
                        gc / 1e3);
            }
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static void fill(String url, long events) throws SQLException {
        Flyway.configure()
                .dataSource(url, "ordo", "")
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "ordo", "");
                PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index,"
                        + " aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data) values (?, ?, ?, 'Order', ?, ?, ?, null, ?, ?)")) {
            connection.setAutoCommit(false);
            Instant at = Instant.now().minus(Duration.ofDays(1));
            for (long index = 0; index < events; index++) {
                String order = "speed-" + (index / 2);
                boolean placed = index % 2 == 0;
                insert.setLong(1, index + 1); // Axon's global index starts at 1
                insert.setString(2, order);
                insert.setLong(3, index % 2);
                insert.setString(4, UUID.randomUUID().toString());
                insert.setString(5, at.plusMillis(index).toString());
                insert.setString(6, placed ? "io.ordo.order.api.OrderPlaced" : "io.ordo.order.api.OrderConfirmed");
                insert.setBytes(
                        7,
                        (placed ? placedPayload(order) : "{\"orderId\":\"" + order + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
                insert.setBytes(8, metaData().getBytes(StandardCharsets.UTF_8));
                insert.addBatch();
                if (index % 1000 == 999 || index == events - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    private static void seal(String url, CheckpointSigner signer) throws SQLException {
        SealSettings settings = new SealSettings(1000, Duration.ofSeconds(60), 1000, Duration.ofSeconds(10));
        LedgerSealer sealer = new LedgerSealer(settings, signer, Clock.systemUTC());
        try (Connection connection = DriverManager.getConnection(url, "ordo", "")) {
            SealResult result;
            do {
                result = sealer.sealOnce(connection);
            } while (result.mayHaveMore(settings.batchSize()));
        }
    }

    /** An OrderPlaced as the service stores it (the README's order, about 500 bytes). */
    private static String placedPayload(String order) {
        return "{\"orderId\":\"" + order + "\",\"customerId\":\"customer-42\",\"currency\":\"EUR\",\"lines\":[{"
                + "\"productId\":\"sku-mug\",\"productName\":\"Mug\",\"quantity\":2,\"unitPrice\":9.50},{\"productId\":"
                + "\"sku-tea\",\"productName\":\"Tea\",\"quantity\":3,\"unitPrice\":4.25}],\"shippingAddress\":{"
                + "\"name\":\"Ada Lovelace\",\"street\":\"1 Main St\",\"postalCode\":\"1000\",\"city\":\"Brussels\","
                + "\"country\":\"BE\"},\"placedAt\":\"2026-12-01T05:00:00.123456Z\",\"placedBy\":\"clerk\"}";
    }

    /** Axon's metadata as the service stores it: correlation, trace and request ids, the user. */
    private static String metaData() {
        return "{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"requestId\":\"" + UUID.randomUUID() + "\",\"user\":\"clerk\",\"traceparent\":\"00-"
                + UUID.randomUUID().toString().replace("-", "") + "-0123456789abcdef-01\"}";
    }
}
