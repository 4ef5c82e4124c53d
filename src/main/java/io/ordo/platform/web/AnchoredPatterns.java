package io.ordo.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Anchors every {@code pattern} of the description at both ends. Bean Validation's {@code @Pattern} matches the whole
 * value, while OpenAPI (ECMA-262) patterns match anywhere in it, so springdoc's copy of {@code [A-Z]{3}} would let
 * {@code "website"} pass a client's check and then get a 400 here. The Java constants stay unanchored, as
 * {@code matches()} reads them; an alternation is grouped first, so {@code web|store} becomes {@code ^(?:web|store)$}.
 */
@Component
class AnchoredPatterns implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Optional.ofNullable(api.getComponents())
                .map(components -> components.getSchemas())
                .map(Map::values)
                .ifPresent(schemas -> schemas.forEach(schema -> anchor(schema, seen)));
        Optional.ofNullable(api.getPaths())
                .ifPresent(paths -> paths.values().stream()
                        .flatMap(item -> item.readOperations().stream())
                        .flatMap(operation -> Optional.ofNullable(operation.getParameters()).stream()
                                .flatMap(Collection::stream))
                        .forEach(parameter -> anchor(parameter.getSchema(), seen)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anchor(Schema schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null) {
            schema.setPattern(anchored(schema.getPattern()));
        }
        Optional.ofNullable((Map<String, Schema>) schema.getProperties())
                .ifPresent(properties -> properties.values().forEach(property -> anchor(property, seen)));
        anchor(schema.getItems(), seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            anchor(additional, seen);
        }
        for (Object all : Optional.ofNullable(schema.getAllOf()).orElse(List.of())) {
            anchor((Schema) all, seen);
        }
    }

    static String anchored(String pattern) {
        if (pattern.startsWith("^") && pattern.endsWith("$")) {
            return pattern;
        }
        return pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$";
    }
}
