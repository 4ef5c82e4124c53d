package io.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ordo.support.HttpJson;
import io.ordo.support.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * docs/integrity.md's walkthrough, its shell blocks run as printed (but for the port) in a folder laid out as the
 * project's, after the README's walkthrough on the same service. Between the blocks the test does what the text asks
 * of the reader: stop the service, start it again, wait for the auditor. The blocks run as one shell session would:
 * the variables a block sets (VERIFY, SIZE) are set again before the next.
 */
final class IntegrityWalkthrough {

    private static final Duration BLOCK_TIME = Duration.ofMinutes(3);

    private final Path projectFolder;
    private final PackagedService service;
    private final HttpJson http;
    private final List<String> variables = new ArrayList<>();

    IntegrityWalkthrough(Path projectFolder, PackagedService service) {
        this.projectFolder = projectFolder;
        this.service = service;
        this.http = service.http().unchecked();
    }

    void run() throws Exception {
        List<String> blocks = shellBlocks();
        assertThat(blocks).hasSize(3);

        // "a checkpoint is signed within checkpoint-every (10 s) of an event": until then the proof answers 404
        await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/api/orders/order-1001/events/0/proof").status() == 200);
        assertThat(run(blocks.get(0)))
                .contains("OK: event ")
                .contains("(Order order-1001, sequence 0) is leaf 2 of the signed tree of size");
        assertThat(Files.readString(projectFolder.resolve("ledger.pub.pem"))).startsWith("-----BEGIN PUBLIC KEY-----");

        assertThat(service.terminate(Duration.ofMinutes(1))).isTrue();
        assertThat(run(blocks.get(1)))
                .contains("Update count: 1")
                .contains("FAILED: ledger index 2: PAYLOAD_CHANGED (the stored payload of event ")
                .contains("(aggregate order-1001, sequence 0) is not the sealed one)")
                .contains("OK: event ");

        service.restartLive();
        // "within audit-interval (10 s) the auditor ... logs": the health is DOWN once it has run
        HttpJson admin = http.asAdmin();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.get("/actuator/health/ledger").status() == 503);
        assertThat(service.log()).contains("Ledger audit FAILED at ledger index 2: PAYLOAD_CHANGED (");
        assertThat(run(blocks.get(2)))
                .contains("\"status\":\"DOWN\"", "\"brokenLedgerIndex\":2", "\"problem\":\"PAYLOAD_CHANGED\"")
                .contains("\"state\":\"FAILED\"", "\"failure\":{\"ledgerIndex\":2,\"kind\":\"PAYLOAD_CHANGED\"")
                .contains("FAILED: event ")
                .contains(" at ledger index 2 is NOT in the signed tree of size");
    }

    /**
     * Runs one block with bash in the project folder, after the variables earlier blocks set, and answers what it
     * printed. Without {@code -e}: the verifier's FAILED exits 1, as the walkthrough means it to.
     */
    private String run(String block) throws Exception {
        String script =
                String.join("\n", variables) + "\n" + block.replace("localhost:8080", "localhost:" + service.port());
        block.lines().filter(line -> line.matches("[A-Z_]+=.*")).forEach(variables::add);
        Process shell = new ProcessBuilder("bash", "-uo", "pipefail", "-c", script)
                .directory(projectFolder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(shell.getInputStream().readAllBytes());
        assertThat(shell.waitFor(BLOCK_TIME.toSeconds(), TimeUnit.SECONDS))
                .as(output)
                .isTrue();
        return output;
    }

    /** The sh blocks of the walkthrough's section, in order. */
    private static List<String> shellBlocks() throws IOException {
        String doc = Files.readString(Path.of("docs/integrity.md"));
        int section = doc.indexOf("## Walkthrough: tamper with one event");
        String text = doc.substring(section, doc.indexOf("\n## ", section + 1));
        List<String> blocks = new ArrayList<>();
        for (int start = text.indexOf("```sh\n"); start >= 0; start = text.indexOf("```sh\n", start)) {
            start += "```sh\n".length();
            int end = text.indexOf("```", start);
            blocks.add(text.substring(start, end));
            start = end + 3;
        }
        return blocks;
    }
}
