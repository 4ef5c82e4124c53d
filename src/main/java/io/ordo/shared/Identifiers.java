package io.ordo.shared;

import java.util.regex.Pattern;

/**
 * The one rule for identifiers a client may choose (order, product, customer, provider reference): 1 to
 * {@value #MAX_LENGTH} characters of a set that is safe in a URL path, a log line, a database key and a header. The web
 * layer checks it with {@link #PATTERN}, the aggregates again with {@link #require}, so no path can store an id that a
 * projection or a URL cannot hold.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 64;

    /** Anchored by {@code matches}, as Bean Validation's {@code @Pattern} anchors it; the same in ECMA-262 for OpenAPI. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    public static final String MESSAGE =
            "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Identifiers() {}

    public static boolean isValid(String id) {
        // the length first, so a long input costs nothing
        return id != null && id.length() <= MAX_LENGTH && VALID.matcher(id).matches();
    }

    /** The id, or an {@link IllegalArgumentException} that names the field but does not echo the input. */
    public static String require(String id, String field) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(field + " " + MESSAGE);
        }
        return id;
    }
}
