package io.ordo.console;

import io.ordo.platform.history.EventSearch;
import io.ordo.shared.Identifiers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The event search form's fields as the browser sends them (all optional), checked and bounded: any field out of
 * bounds is a 400 that names the field, before anything is read. Times are UTC: ISO-8601 instants, or what a
 * {@code datetime-local} input sends ({@code 2026-12-01T09:30}).
 */
record EventSearchForm(
        String aggregateId, String type, String text, String from, String to, Long before, Integer size) {

    static final int MAX_TEXT = 100;
    static final int MAX_TYPE = 255;
    static final int DEFAULT_SIZE = 25;
    private static final int MAX_TIME = 40;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_.$]*");

    EventSearch toSearch(int maxPageSize) {
        if (present(aggregateId) && !Identifiers.isValid(aggregateId.strip())) {
            throw badRequest("aggregateId " + Identifiers.MESSAGE);
        }
        if (present(type)
                && (type.length() > MAX_TYPE || !TYPE.matcher(type.strip()).matches())) {
            throw badRequest("type must be an event class name of at most " + MAX_TYPE + " characters");
        }
        if (present(text) && text.length() > MAX_TEXT) {
            throw badRequest("text must be at most " + MAX_TEXT + " characters");
        }
        if (before != null && before < 1) {
            throw badRequest("before must be a global index of at least 1");
        }
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > maxPageSize) {
            throw badRequest("size must be 1 to " + maxPageSize);
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw badRequest("from must be before to");
        }
        return new EventSearch(aggregateId, type, text, start, end, before, pageSize);
    }

    /** Whether the form asks for anything; an empty form shows the newest events. */
    boolean filtered() {
        return present(aggregateId) || present(type) || present(text) || present(from) || present(to);
    }

    private static Instant instant(String field, String value) {
        if (!present(value)) {
            return null;
        }
        if (value.length() > MAX_TIME) {
            throw badRequest(field + " must be an ISO-8601 time of at most " + MAX_TIME + " characters");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notALocalTime) {
                throw badRequest(field + " must be an ISO-8601 time, e.g. 2026-12-01T09:30 (UTC)");
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
