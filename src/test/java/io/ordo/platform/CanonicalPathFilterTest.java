package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/orders",
                "/api/orders/order-1.2_3~4",
                "/api/orders/a%20b",
                "/api/orders/%C3%A9",
                "/api/orders/%3A%40%21",
                "/.well-known/x",
                "/api/orders/..x",
                "/"
            })
    void acceptsACanonicalPath(String path) {
        assertThat(CanonicalPathFilter.isCanonical(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/%61pi/orders",
                "/%41pi/orders",
                "/api/%6frders",
                "/api/orders/%30",
                "/api/orders/%2D%2e%5F%7e",
                "/api/orders%2F",
                "/api/orders%2f",
                "/api/orders%5C",
                "/api/orders/%2561",
                "/api/orders/%00",
                "/api/orders/%0A",
                "/api/orders/%7F",
                "/api//orders",
                "//api/orders",
                "/api/./orders",
                "/api/../orders",
                "/api/orders/.",
                "/api/orders/.."
            })
    void refusesAPathSpringWouldReadAsAnother(String path) {
        assertThat(CanonicalPathFilter.isCanonical(path)).isFalse();
    }
}
