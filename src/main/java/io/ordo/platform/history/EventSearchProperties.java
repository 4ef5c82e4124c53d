package io.ordo.platform.history;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ordo.event-search}: at most {@code max-page-size} events per page, at most {@code max-scanned} events read for
 * one page of a text search (the payload is matched here, not in the database), payloads shown up to
 * {@code max-payload-chars} characters.
 */
@ConfigurationProperties("ordo.event-search")
public record EventSearchProperties(int maxPageSize, int maxScanned, int maxPayloadChars) {

    public EventSearchProperties {
        maxPageSize = maxPageSize <= 0 ? 100 : maxPageSize;
        maxScanned = maxScanned <= 0 ? 10_000 : maxScanned;
        maxPayloadChars = maxPayloadChars <= 0 ? 8_000 : maxPayloadChars;
    }
}
