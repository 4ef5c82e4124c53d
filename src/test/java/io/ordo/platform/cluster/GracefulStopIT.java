package io.ordo.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.support.EmbeddedPostgresExtension;
import io.ordo.support.Orders;
import io.ordo.support.OrdoNode;
import io.ordo.support.PackagedService;
import io.ordo.support.Products;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One of two instances on one PostgreSQL is stopped with SIGTERM, as {@code docker stop} and Kubernetes do, while
 * clients place orders on both. node-a runs as a process of its own (the packaged jar), so it can receive the
 * signal; node-b runs in this JVM.
 *
 * <p>What "no request that reached it fails" means here: each order is sent on a connection of its own, closed after
 * the answer, as a load balancer that opens a connection per request would. A connection the stopping instance
 * refuses never reached it: the client sends that order to node-b instead, as a load balancer retries a refused
 * connection. Every request whose connection was accepted must be answered 2xx: the instance finishes what it took.
 * One race is the kernel's, not the service's: a connection that completed its handshake in the listening socket's
 * backlog just as the instance closed that socket is reset before the service ever read it. The client then sends the
 * same order to node-b, and node-b placing it afresh (201, not 409 "already exists") proves node-a never acted on it;
 * a 409 there would be an order node-a placed without answering, and fails the test.
 *
 * <p>The claim timeout is a minute here: segments that node-a kept claimed would stay out of node-b's reach for that
 * long, so node-b holding all of them within seconds shows that node-a released them as it stopped.
 */
class GracefulStopIT {

    private static final int CLIENTS = 3;
    /** {@code spring.lifecycle.timeout-per-shutdown-phase}, application.yml. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    private static final String CLAIMS_HELD_A_MINUTE = "--axon.eventhandling.tokenstore.claim-timeout=60s";
    /** A read waiting for a version nobody writes answers 503 after this long: long enough to be in flight. */
    private static final String WAITING_READS_LAST = "--ordo.read-your-writes.timeout=8s";

    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static final String CLERK =
            "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

    @TempDir
    Path logs;

    private PackagedService a;
    private CompletableFuture<OrdoNode> startingB;

    @AfterEach
    void stopInstances() throws InterruptedException {
        if (a != null) {
            a.close();
        }
        if (startingB != null) {
            startingB
                    .thenAccept(OrdoNode::close)
                    .exceptionally(failedToStart -> null)
                    .join();
        }
    }

    @Test
    void aStoppedInstanceAnswersEveryRequestItTookAndHandsItsSegmentsOverAtOnce() throws Exception {
        String database = postgres.newDatabase();
        JdbcTemplate sql = postgres.jdbc(database);
        SegmentClaims claims = new SegmentClaims(sql);
        int portA = PackagedService.freePort();
        // both start at once: the machine's cores are busier, the test shorter
        startingB = CompletableFuture.supplyAsync(
                () -> OrdoNode.start("node-b", database, SegmentClaims.instance("node-b", CLAIMS_HELD_A_MINUTE)));
        a = PackagedService.start(
                logs,
                portA,
                List.of(OrdoNode.commandLine(
                        "node-a",
                        database,
                        SegmentClaims.instance(
                                "node-a", "--server.port=" + portA, CLAIMS_HELD_A_MINUTE, WAITING_READS_LAST))));
        OrdoNode b = startingB.get(5, TimeUnit.MINUTES);
        claims.awaitEveryProcessorHeldAs(Map.of("node-a", 2, "node-b", 2), Duration.ofSeconds(60));
        Products.ensureStandardProducts(b.http());

        Load load = new Load(portA, b.port());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        boolean exited;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(load::run));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> load.answeredByA.get() >= 30);

            // a read that waits for a version no command writes is surely in flight when the signal comes
            String takenByA = load.answered.iterator().next();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> b.http().get("/api/orders/" + takenByA).status() == 200);
            Future<Integer> waitingRead = reader.submit(
                    () -> send(portA, "GET", "/api/orders/" + takenByA + "?minVersion=1000", CLERK, null));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingReads(portA) >= 1);

            exited = a.terminate(SHUTDOWN_TIMEOUT.plusSeconds(10));
            assertThat(waitingRead.get(1, TimeUnit.MINUTES))
                    .as("the read in flight at SIGTERM is answered (its version was not reached), not cut off")
                    .isEqualTo(503);
            assertThat(exited)
                    .as("node-a ends within the shutdown timeout and a margin")
                    .isTrue();
            claims.awaitEveryProcessorHeldAs(Map.of("node-b", 4), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(30)).until(() -> load.refusedByA.get() >= CLIENTS);

            load.stop.set(true);
            for (Future<?> client : running) {
                client.get(1, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            reader.shutdownNow();
        }

        assertThat(load.failures)
                .as("requests that reached an instance and failed")
                .isEmpty();
        assertThat(a.exitValue())
                .as("the JVM's exit code after SIGTERM and its shutdown hooks")
                .isEqualTo(143);
        ReadModelAudit audit = new ReadModelAudit(sql, "stop-");
        assertThat(audit.placedInEventStore().keySet()).containsAll(load.answered);
        audit.awaitProjectionsMatchEventStore();
    }

    private enum Outcome {
        ANSWERED,
        /** the connection was refused: the request never reached the instance */
        REFUSED,
        /** the connection was reset or closed without an answer */
        CUT_OFF
    }

    /** Clients placing orders on both instances in turn until stopped; refused ones go to node-b. */
    private static final class Load {

        final int portA;
        final int portB;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger answeredByA = new AtomicInteger();
        final AtomicInteger refusedByA = new AtomicInteger();
        final AtomicInteger resetByA = new AtomicInteger();
        final Set<String> answered = ConcurrentHashMap.newKeySet();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Load(int portA, int portB) {
            this.portA = portA;
            this.portB = portB;
        }

        void run() {
            boolean toA = true;
            while (!stop.get()) {
                String orderId = "stop-" + UUID.randomUUID();
                if (!toA) {
                    placeOnB(orderId);
                } else {
                    switch (place(portA, orderId)) {
                        case ANSWERED -> answeredByA.incrementAndGet();
                        case REFUSED -> {
                            refusedByA.incrementAndGet();
                            placeOnB(orderId);
                        }
                        case CUT_OFF -> {
                            // node-b must be able to place it afresh: node-a never acted on it
                            resetByA.incrementAndGet();
                            placeOnB(orderId);
                        }
                    }
                }
                toA = !toA;
            }
        }

        /** node-b keeps running: anything but an answer from it is a failure. */
        private void placeOnB(String orderId) {
            Outcome outcome = place(portB, orderId);
            if (outcome != Outcome.ANSWERED) {
                failures.add(orderId + " on port " + portB + ": " + outcome);
            }
        }

        /** The instance's answer (a non-2xx one is a failure), or how it turned the connection away. */
        private Outcome place(int port, String orderId) {
            try {
                int status = post(port, "/api/orders", Orders.placeOrder(orderId, "stop-customer"));
                if (status / 100 == 2) {
                    answered.add(orderId);
                } else {
                    failures.add(orderId + " on port " + port + ": HTTP " + status);
                }
                return Outcome.ANSWERED;
            } catch (ConnectException refused) {
                return Outcome.REFUSED;
            } catch (IOException reset) {
                return Outcome.CUT_OFF;
            }
        }
    }

    /** The reads waiting for a version at node-a, from its own gauge. */
    private static double waitingReads(int port) throws IOException, InterruptedException {
        HttpResponse<String> metric = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/actuator/metrics/ordo.read_your_writes.waiters"))
                                .header("Authorization", ADMIN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper()
                .readTree(metric.body())
                .path("measurements")
                .path(0)
                .path("value")
                .asDouble();
    }

    /**
     * One request on a connection of its own, closed after the answer; a {@link ConnectException} when the connection is
     * refused. Written by hand because java.net's clients keep connections alive and do not let a request say
     * {@code Connection: close}.
     */
    private static int post(int port, String path, String json) throws IOException {
        return send(port, "POST", path, CLERK, json);
    }

    private static int send(int port, String method, String path, String authorization, String json)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Authorization: " + authorization + "\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (statusLine == null) {
                throw new EOFException("connection closed without an answer");
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
