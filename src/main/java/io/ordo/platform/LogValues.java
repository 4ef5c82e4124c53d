package io.ordo.platform;

import java.util.regex.Pattern;

/**
 * Which values may become a field of a log line (the request id, the principal, an order's id): a short token of
 * letters, digits and {@code . _ : -}. Anything else came from a client unchecked and could forge a line or grow it
 * without bound, so it is left out rather than escaped.
 */
final class LogValues {

    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private LogValues() {}

    static boolean sensible(String value) {
        return value != null && SENSIBLE.matcher(value).matches();
    }
}
