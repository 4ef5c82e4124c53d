package io.ordo.deploy;

import static io.ordo.deploy.DeploymentFiles.COMPOSE;
import static io.ordo.deploy.DeploymentFiles.COMPOSE_POSTGRES;
import static io.ordo.deploy.DeploymentFiles.DEPLOYMENT_DOC;
import static io.ordo.deploy.DeploymentFiles.DOCKERFILE;
import static io.ordo.deploy.DeploymentFiles.PROMETHEUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Docker cannot run here, so this checks what can be checked without it: the compose files, Prometheus's and Grafana's
 * files parse, and every image, port, path and environment variable they name is one that the application's
 * properties, the top-level axon-server.properties and docs/deployment.md agree on. DeploymentBundleIT checks the rest
 * against the packaged jar (the Dockerfile's jar path and layers, the dashboard's metrics, the logs, the SBOM).
 */
class DeploymentFilesTest {

    private final String doc = DeploymentFiles.read(DEPLOYMENT_DOC);
    private final int serverPort =
            (Integer) ((Map<?, ?>) DeploymentFiles.yaml(Path.of("src/main/resources/application.yml"))
                            .get("server"))
                    .get("port");
    private final Properties axonServer = DeploymentFiles.properties(Path.of("axon-server.properties"));

    @Test
    void everyImageTheComposeFilesRunIsTheDocumentedOne() {
        for (Path compose : List.of(COMPOSE, COMPOSE_POSTGRES)) {
            DeploymentFiles.services(compose).forEach((name, service) -> {
                String image = (String) service.get("image");
                assertThat(image).as(compose + " " + name).isNotNull();
                if (service.containsKey("build")) {
                    assertThat(image).as("the image built from the Dockerfile").isEqualTo("ordo");
                } else {
                    assertThat(doc)
                            .as(compose + " " + name + " in deployment.md")
                            .contains("`" + image + "`");
                }
            });
        }
        assertThat(DeploymentFiles.read(DOCKERFILE)).contains("FROM eclipse-temurin:17-jre\n");
        assertThat(doc).contains("`eclipse-temurin:17-jre`");
    }

    @Test
    void ordoListensInItsContainerOnServerPortAndTheDockerfileExposesIt() {
        for (Path compose : List.of(COMPOSE, COMPOSE_POSTGRES)) {
            ordoServices(compose)
                    .forEach((name, service) -> assertThat(containerPorts(service))
                            .as(compose + " " + name)
                            .containsExactly(serverPort));
        }
        String dockerfile = DeploymentFiles.read(DOCKERFILE);
        assertThat(dockerfile).contains("EXPOSE " + serverPort + "\n");
        assertThat(dockerfile)
                .contains("HEALTHCHECK ")
                .contains("http://localhost:" + serverPort + "/actuator/health/readiness");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").containsPattern("(?m)^USER ordo$");
        assertThat(dockerfile).contains("COPY target/ordo.jar ");
        // the build context holds the jar and nothing else
        assertThat(DeploymentFiles.read(Path.of(".dockerignore")).lines().filter(line -> !line.startsWith("#")))
                .containsExactly("*", "!target/ordo.jar");
    }

    @Test
    void axonServerPublishesThePortsOfAxonServerPropertiesAndOrdoConnectsToItsGrpcPort() {
        Map<String, Object> server = DeploymentFiles.services(COMPOSE).get("axonserver");
        int dashboard = Integer.parseInt(axonServer.getProperty("server.port"));
        int grpc = Integer.parseInt(axonServer.getProperty("axoniq.axonserver.port"));
        assertThat(containerPorts(server)).containsExactlyInAnyOrder(dashboard, grpc);
        assertThat(server.get("volumes").toString())
                .contains("./axon-server.properties:/axonserver/config/axonserver.properties");
        assertThat(environment(DeploymentFiles.services(COMPOSE).get("ordo")))
                .containsEntry("AXON_SERVER", "axonserver:" + grpc)
                .containsEntry("SPRING_PROFILES_ACTIVE", "axonserver");
        assertThat(doc).contains(dashboard + "").contains(grpc + "");
    }

    @Test
    void theInstancesShareTheComposePostgresDatabase() {
        Map<String, Map<String, Object>> services = DeploymentFiles.services(COMPOSE_POSTGRES);
        Map<String, String> database = environment(services.get("postgres"));
        assertThat(ordoServices(COMPOSE_POSTGRES))
                .hasSize(2)
                .allSatisfy((name, service) -> assertThat(environment(service))
                        .containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                        .containsEntry("ORDO_DB_URL", "jdbc:postgresql://postgres:5432/" + database.get("POSTGRES_DB"))
                        .containsEntry("ORDO_DB_USER", database.get("POSTGRES_USER"))
                        .containsEntry("ORDO_CLUSTER_NODE_ID", name));
    }

    @Test
    void everyVariableTheComposeFilesGiveOrdoIsOneItReadsAndOneTheGuideDocuments() {
        Set<String> placeholders = DeploymentFiles.variablesTheApplicationReads();
        Map<String, String> documented = DeploymentFiles.documentedVariables(doc);
        for (Path compose : List.of(COMPOSE, COMPOSE_POSTGRES)) {
            ordoServices(compose)
                    .forEach((name, service) -> environment(service).keySet().forEach(variable -> {
                        String where = compose + " " + name + " sets " + variable;
                        assertThat(documented)
                                .as(where + ": in deployment.md's table")
                                .containsKey(variable);
                        // read through a placeholder of application*.yml, or bound by Spring Boot's relaxed binding to
                        // the property the table names (ordo.cluster.node-id from ORDO_CLUSTER_NODE_ID)
                        String property = documented.get(variable);
                        assertThat(placeholders.contains(variable)
                                        || variable.equals(property.toUpperCase()
                                                .replace('.', '_')
                                                .replace('-', '_')))
                                .as(where + ", which Ordo reads neither as a placeholder nor as " + property)
                                .isTrue();
                    }));
        }
    }

    @Test
    void everyInstanceIsGivenWhatItsProfilesRequire() {
        for (Path compose : List.of(COMPOSE, COMPOSE_POSTGRES)) {
            ordoServices(compose).forEach((name, service) -> {
                Map<String, String> environment = environment(service);
                for (String profile : environment.get("SPRING_PROFILES_ACTIVE").split(",")) {
                    // a placeholder without a default stops start-up when it is missing
                    Matcher required = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}")
                            .matcher(DeploymentFiles.read(
                                    Path.of("src/main/resources/application-" + profile + ".yml")));
                    while (required.find()) {
                        assertThat(environment)
                                .as(compose + " " + name + " in profile " + profile)
                                .containsKey(required.group(1));
                    }
                }
                if (environment.get("SPRING_PROFILES_ACTIVE").contains("postgres")) {
                    // the ledger's checkpoint key: one of the two, checked by the application rather than a placeholder
                    assertThat(environment.keySet())
                            .as(compose + " " + name + ": the ledger's signing key")
                            .containsAnyOf("ORDO_INTEGRITY_SIGNING_KEY", "ORDO_INTEGRITY_SIGNING_KEY_PEM");
                }
            });
        }
    }

    @Test
    void prometheusScrapesEveryInstanceAtTheActuatorAsAdmin() {
        Map<String, Object> prometheus = DeploymentFiles.yaml(PROMETHEUS);
        Map<?, ?> job = (Map<?, ?>) ((List<?>) prometheus.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(((Map<?, ?>) job.get("basic_auth")).get("username")).isEqualTo("admin");
        @SuppressWarnings("unchecked")
        List<String> targets = (List<String>) ((Map<?, ?>) ((List<?>) job.get("static_configs")).get(0)).get("targets");
        assertThat(targets)
                .containsExactlyInAnyOrderElementsOf(ordoServices(COMPOSE_POSTGRES).keySet().stream()
                        .map(name -> name + ":" + serverPort)
                        .toList());
        assertThat(((Map<?, ?>) DeploymentFiles.services(COMPOSE_POSTGRES).get("prometheus"))
                        .get("volumes")
                        .toString())
                .contains("./" + PROMETHEUS + ":/etc/prometheus/prometheus.yml");
    }

    @Test
    void everyFileTheComposeFilesMountExists() {
        for (Path compose : List.of(COMPOSE, COMPOSE_POSTGRES)) {
            DeploymentFiles.services(compose).forEach((name, service) -> {
                if (service.get("volumes") instanceof List<?> volumes) {
                    volumes.stream()
                            .map(volume -> ((String) volume).split(":")[0])
                            .filter(source -> source.startsWith("./"))
                            .forEach(source -> assertThat(Path.of(source))
                                    .as(compose + " " + name)
                                    .exists());
                }
            });
        }
        assertThat(Files.exists(DOCKERFILE)).isTrue();
    }

    @Test
    void theDashboardParsesAndQueriesCommandsLatencyLagAndDeadLetters() {
        JsonNode dashboard = DeploymentFiles.dashboard();
        assertThat(dashboard.get("uid").asText()).isEqualTo("ordo");
        assertThat(DeploymentFiles.dashboardMetrics())
                .contains(
                        "commandBus_successCounter_total",
                        "commandBus_successTimer_seconds",
                        "ordo_processor_lag",
                        "ordo_processor_dead_letters")
                .allSatisfy(metric -> assertThat(metric).doesNotContain("rate_interval"));
        assertThat(doc).contains("deploy/grafana/ordo-dashboard.json");
    }

    @Test
    void theAxonServerFailurePointsAtASectionThatExists() {
        String docs = io.ordo.platform.axonserver.AxonServerNotAnswering.DOCS;
        assertThat(docs).isEqualTo(DEPLOYMENT_DOC + "#axon-server");
        assertThat(doc).contains("\n## Axon Server\n");
    }

    private static Map<String, Map<String, Object>> ordoServices(Path compose) {
        Map<String, Map<String, Object>> ordo = new java.util.TreeMap<>();
        DeploymentFiles.services(compose).forEach((name, service) -> {
            if (service.containsKey("build")) {
                ordo.put(name, service);
            }
        });
        return ordo;
    }

    private static List<Integer> containerPorts(Map<String, Object> service) {
        return ((List<?>) service.get("ports"))
                .stream()
                        .map(port -> Integer.parseInt(((String) port).substring(((String) port).lastIndexOf(':') + 1)))
                        .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new java.util.TreeMap<>();
        ((Map<String, Object>) service.get("environment"))
                .forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }
}
