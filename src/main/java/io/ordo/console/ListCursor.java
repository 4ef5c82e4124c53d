package io.ordo.console;

import io.ordo.order.api.queries.OrderCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order list's place in a URL ({@code ?after=}): the placing instant and the id of the last order shown, as
 * {@code 2026-12-01T05:15:30.123456Z~order-1}, so a page link can be bookmarked and read back.
 */
record ListCursor(Instant placedAt, String orderId) {

    static final int MAX_LENGTH = 320;
    private static final char SEPARATOR = '~';

    static ListCursor of(OrderCursor cursor) {
        return new ListCursor(cursor.placedAt(), cursor.orderId());
    }

    /** The cursor written in {@code text}, null for none; anything else is a 400. */
    static ListCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int separator = text.indexOf(SEPARATOR);
        if (separator < 1 || separator == text.length() - 1) {
            throw malformed();
        }
        try {
            return new ListCursor(Instant.parse(text.substring(0, separator)), text.substring(separator + 1));
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    OrderCursor toQuery() {
        return new OrderCursor(placedAt, orderId);
    }

    @Override
    public String toString() {
        return placedAt.toString() + SEPARATOR + orderId;
    }

    private static ResponseStatusException malformed() {
        return new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "the page link is broken: start again from the newest orders");
    }
}
