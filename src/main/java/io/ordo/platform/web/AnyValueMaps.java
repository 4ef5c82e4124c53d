package io.ordo.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A {@code Map<String, Object>} (an event's metadata) holds any JSON values; springdoc describes its values as JSON
 * objects, which the strings in it are not. Such maps are described as what they are: values of any type.
 */
@Component
class AnyValueMaps implements OpenApiCustomizer {

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        Optional.ofNullable(api.getComponents())
                .map(components -> components.getSchemas())
                .map(Map::values)
                .ifPresent(schemas ->
                        schemas.forEach(schema -> Optional.ofNullable((Map<String, Schema>) schema.getProperties())
                                .ifPresent(properties -> properties.values().forEach(AnyValueMaps::anyValues))));
        // and a map answered as it is (the dead-letter retry's)
        Optional.ofNullable(api.getPaths())
                .ifPresent(paths -> paths.values().stream()
                        .flatMap(item -> item.readOperations().stream())
                        .flatMap(operation -> operation.getResponses().values().stream())
                        .flatMap(response -> Optional.ofNullable(response.getContent()).stream())
                        .flatMap(content -> content.values().stream())
                        .forEach(media -> Optional.ofNullable(media.getSchema()).ifPresent(AnyValueMaps::anyValues)));
    }

    @SuppressWarnings("rawtypes")
    private static void anyValues(Schema property) {
        if (property.getAdditionalProperties() instanceof Schema values
                && "object".equals(values.getType())
                && values.getProperties() == null
                && values.get$ref() == null) {
            property.setAdditionalProperties(true);
        }
    }
}
