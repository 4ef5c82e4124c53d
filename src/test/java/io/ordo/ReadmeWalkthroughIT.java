package io.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.support.HttpJson;
import io.ordo.support.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's walkthrough, exactly as printed but for the port, against the packaged service; then, on the
 * same service and data, docs/integrity.md's walkthrough (stop, tamper with the H2 file, start again). Both run in a
 * folder laid out as the project's, as the docs assume: {@code target/ordo.jar} and the store in {@code data}.
 */
class ReadmeWalkthroughIT {

    @TempDir
    Path projectFolder;

    @Test
    void theWalkthroughsWorkAsPrinted() throws Exception {
        Path jar = Path.of(System.getProperty("ordo.jar", "target/ordo.jar")).toAbsolutePath();
        Files.createSymbolicLink(
                Files.createDirectories(projectFolder.resolve("target")).resolve("ordo.jar"), jar);
        Path data = Files.createDirectories(projectFolder.resolve("data"));
        try (PackagedService service = PackagedService.start(data)) {
            runWalkthroughAgainst(service);
            new IntegrityWalkthrough(projectFolder, service).run();
        }
    }

    private void runWalkthroughAgainst(PackagedService service) throws Exception {
        HttpJson http = service.http();
        String script = walkthrough().replace("localhost:8080", "localhost:" + service.port());
        Process walkthrough = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(projectFolder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(walkthrough.getInputStream().readAllBytes());
        assertThat(walkthrough.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(walkthrough.exitValue()).as(output).isZero();

        JsonNode order = http.get("/api/orders/order-1001?minVersion=8").json();
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.get("lines"))
                .extracting(line -> line.get("productId").asText())
                .containsExactly("sku-tea");
        assertThat(order.get("paymentStatus").asText()).isEqualTo("AUTHORIZED");
        assertThat(http.get("/api/orders/order-1001/events").json().get("events"))
                .hasSize(9);
        // the saga commits the stock after the shipment, and the products projection follows
        await().atMost(Duration.ofSeconds(10))
                .until(() -> http.get("/api/products/sku-tea")
                                .json()
                                .get("committed")
                                .asInt()
                        == 3);
        assertThat(output)
                .contains("\"orderId\":\"order-1001\",\"version\":0")
                .contains("\"paymentStatus\":\"REQUESTED\"")
                .contains("\"status\":\"DELIVERED\"")
                .contains("HTTP/1.1 409")
                .contains("can no longer be cancelled");
    }

    /** The first sh block after the walkthrough heading. */
    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Walkthrough");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
