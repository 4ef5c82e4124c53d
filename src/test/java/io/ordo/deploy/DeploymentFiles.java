package io.ordo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The deployment bundle's files as the tests read them: the compose files, Prometheus, Grafana, the Dockerfile. */
final class DeploymentFiles {

    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final Path COMPOSE = Path.of("compose.yaml");
    static final Path COMPOSE_POSTGRES = Path.of("compose.postgres.yaml");
    static final Path PROMETHEUS = Path.of("deploy/prometheus.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/ordo-dashboard.json");
    static final Path DEPLOYMENT_DOC = Path.of("docs/deployment.md");

    /** A metric name in a PromQL expression: not a function (followed by a parenthesis), label or number. */
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_:][A-Za-z0-9_:]*\\b(?!\\s*\\()");

    private DeploymentFiles() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services(Path composeFile) {
        return (Map<String, Map<String, Object>>) yaml(composeFile).get("services");
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every metric the dashboard's panels query. */
    static Set<String> dashboardMetrics() {
        Set<String> metrics = new LinkedHashSet<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                String expression = target.get("expr")
                        .asText()
                        // label matchers, range selectors, grouping labels and Grafana's variables are no metrics
                        .replaceAll("\\{[^}]*}", "")
                        .replaceAll("\\[[^]]*]", "")
                        .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
                Matcher identifiers = IDENTIFIER.matcher(expression);
                while (identifiers.find()) {
                    metrics.add(identifiers.group());
                }
            }
        }
        return metrics;
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables Ordo's own configuration reads: the placeholders of its application*.yml. */
    static Set<String> variablesTheApplicationReads() {
        Set<String> variables = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml"))
                    .toList()) {
                Matcher placeholders =
                        Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(read(file));
                while (placeholders.find()) {
                    variables.add(placeholders.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    /**
     * The variables of deployment.md's configuration table, each with the property it sets: rows such as
     * {@code | `SERVER_PORT` | `server.port` | ...}, and {@code | `A`, `B` | `property` |} for two at once.
     */
    static Map<String, String> documentedVariables(String doc) {
        Map<String, String> variables = new java.util.TreeMap<>();
        Matcher rows = Pattern.compile("(?m)^\\| ((?:`[A-Z][A-Z0-9_]*`(?:, )?)+) \\| `([a-z][a-z0-9.\\-]*)` \\|")
                .matcher(doc);
        while (rows.find()) {
            Matcher names = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(rows.group(1));
            while (names.find()) {
                variables.put(names.group(1), rows.group(2));
            }
        }
        return variables;
    }

    /** The layer folders the Dockerfile copies out of the extracted jar. */
    static List<String> dockerfileLayers() {
        Matcher copies = Pattern.compile("COPY --from=layers /layers/extracted/([a-z-]+)/")
                .matcher(read(DOCKERFILE));
        List<String> layers = new java.util.ArrayList<>();
        while (copies.find()) {
            layers.add(copies.group(1));
        }
        return layers;
    }
}
