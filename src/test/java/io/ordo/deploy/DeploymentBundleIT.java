package io.ordo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.support.HttpJson;
import io.ordo.support.Orders;
import io.ordo.support.Products;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What of the deployment bundle the packaged jar can prove without Docker: the Dockerfile's jar path and the layers its
 * extraction yields (with the command deployment.md prints), the SBOM inside the jar, and a running instance that
 * writes JSON log lines with the request's id, principal and order id, serves its SBOM, and exposes every metric the
 * Grafana dashboard queries.
 */
class DeploymentBundleIT {

    /** As deployment.md prints them; the tests run them with their own folders and ports. */
    private static final String EXTRACT =
            "java -Djarmode=tools -jar target/ordo.jar extract --layers --launcher --destination target/extracted";

    private static final String JSON_LOGS = "ORDO_LOG_FORMAT=ecs java -jar target/ordo.jar";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path jar = Path.of(System.getProperty("ordo.jar", "target/ordo.jar"));
    private final String doc = DeploymentFiles.read(DeploymentFiles.DEPLOYMENT_DOC);

    @TempDir
    Path dir;

    @Test
    void theToolsExtractTheLayersTheDockerfileCopies() throws Exception {
        assertThat(doc).contains(EXTRACT);
        String dockerfile = DeploymentFiles.read(DeploymentFiles.DOCKERFILE);
        assertThat(dockerfile)
                .contains("COPY target/ordo.jar ordo.jar")
                .contains("RUN " + EXTRACT.replace("target/", ""));
        assertThat(jar).isEqualTo(Path.of("target/ordo.jar").toAbsolutePath()).exists();

        Path extracted = dir.resolve("extracted");
        Process extract = new ProcessBuilder(
                        "bash",
                        "-c",
                        EXTRACT.replace("java ", javaCommand() + " ").replace("target/extracted", extracted.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(extract.getInputStream().readAllBytes());
        assertThat(extract.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();

        assertThat(DeploymentFiles.dockerfileLayers())
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")
                .allSatisfy(layer -> assertThat(extracted.resolve(layer)).isDirectory());
        // the ENTRYPOINT's launcher, Ordo itself, and a dependency, each in its layer
        assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .exists();
        assertThat(dockerfile).contains("\"org.springframework.boot.loader.launch.JarLauncher\"");
        assertThat(extracted.resolve("application/BOOT-INF/classes/io/ordo/OrdoApplication.class"))
                .exists();
        try (var libraries = Files.list(extracted.resolve("dependencies/BOOT-INF/lib"))) {
            assertThat(libraries.map(library -> library.getFileName().toString()))
                    .anySatisfy(name -> assertThat(name).startsWith("axon-messaging-"));
        }
    }

    @Test
    void theJarCarriesItsBillOfMaterials() throws Exception {
        try (JarFile packaged = new JarFile(jar.toFile())) {
            String location = packaged.getManifest().getMainAttributes().getValue("Sbom-Location");
            assertThat(location).isEqualTo("META-INF/sbom/application.cdx.json");
            try (InputStream sbom = packaged.getInputStream(packaged.getEntry(location))) {
                assertThatListsOrdosDependencies(JSON.readTree(sbom));
            }
        }
        assertThat(Path.of("target/classes/META-INF/sbom/application.cdx.json")).exists();
    }

    @Test
    void aRunningInstanceLogsJsonWithTheRequestAndExposesTheDashboardsMetrics() throws Exception {
        assertThat(doc).contains(JSON_LOGS);
        int port = freePort();
        Path log = dir.resolve("ordo.log");
        List<String> command = new ArrayList<>(List.of(JSON_LOGS
                .replace("ORDO_LOG_FORMAT=ecs ", "")
                .replace("java ", javaCommand() + " -XX:TieredStopAtLevel=1 ")
                .split(" ")));
        command.addAll(
                List.of(
                        "--server.port=" + port,
                        "--ordo.data-dir=" + dir.resolve("data"),
                        // a line logged while a controller answers, to see the request's fields in
                        "--logging.level.org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor=DEBUG"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ORDO_LOG_FORMAT", "ecs");
        Process ordo = builder.start();
        try {
            HttpJson http = new HttpJson("http://localhost:" + port);
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> http.get("/actuator/health").status() == 200);
            Products.ensureStandardProducts(http);
            assertThat(http.post("/api/orders", Orders.placeOrder("order-bundle-1", "customer-1"))
                            .status())
                    .isEqualTo(201);
            assertThat(http.post("/api/orders/order-bundle-1/confirm", null).status())
                    .isEqualTo(200);
            assertThat(http.send(
                                    "GET",
                                    "/api/orders/order-bundle-1",
                                    null,
                                    null,
                                    "application/json",
                                    Map.of("X-Request-Id", "bundle-it-42"))
                            .status())
                    .isEqualTo(200);

            assertThatTheLogsAreJsonWithTheRequestsFields(log);
            assertThatEveryDashboardMetricIsExposed(http.asAdmin());
            HttpJson.Response sbom = http.asAdmin().send("GET", "/actuator/sbom/application", null, null, "*/*");
            assertThat(sbom.status()).isEqualTo(200);
            assertThatListsOrdosDependencies(JSON.readTree(sbom.body()));
        } finally {
            ordo.destroy();
            if (!ordo.waitFor(30, TimeUnit.SECONDS)) {
                ordo.destroyForcibly();
            }
        }
    }

    private static void assertThatTheLogsAreJsonWithTheRequestsFields(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                // every line is one JSON object: a log shipper needs no multi-line rules
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message"))
                        .as(line.toString())
                        .isTrue());
        assertThat(lines)
                .filteredOn(line -> "bundle-it-42".equals(line.path("requestId").asText()))
                .isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("principal").asText()).isEqualTo("clerk");
                    assertThat(line.path("orderId").asText()).isEqualTo("order-bundle-1");
                    assertThat(line.path("log").path("level").asText()).isNotEmpty();
                });
    }

    private static void assertThatEveryDashboardMetricIsExposed(HttpJson admin) {
        HttpJson.Response scrape = admin.send("GET", "/actuator/prometheus", null, null, "text/plain");
        assertThat(scrape.status()).isEqualTo(200);
        Set<String> exposed = new TreeSet<>();
        scrape.body()
                .lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> exposed.add(line.split("[{ ]", 2)[0]));
        assertThat(exposed).containsAll(DeploymentFiles.dashboardMetrics());
    }

    private static void assertThatListsOrdosDependencies(JsonNode sbom) {
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        List<String> components = new ArrayList<>();
        sbom.path("components")
                .forEach(component -> components.add(component.path("name").asText()));
        assertThat(components).contains("axon-messaging", "spring-boot", "spring-boot-starter-web");
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
