package io.ordo.shared;

/**
 * Free text that Ordo stores (names, address lines, carrier, reasons): not blank, at most a given length, and free of
 * control characters and lone surrogates, which no log line wants and PostgreSQL cannot store (NUL). Also the one way
 * an error message quotes what a client sent: {@link #excerpt}, never the whole input.
 */
public final class BoundedText {

    /** Control characters (C0, DEL, C1) refused; written so that Java and ECMA-262 (OpenAPI) read it alike. */
    public static final String PATTERN = "[^\\x00-\\x1F\\x7F-\\x9F]*";

    public static final String MESSAGE = "must not contain control characters";

    /** The most of a client's input an error message quotes: a whole identifier, never more. */
    public static final int EXCERPT_LENGTH = Identifiers.MAX_LENGTH;

    private BoundedText() {}

    /** The text, or an {@link IllegalArgumentException} that names the field and the rule, not the input. */
    public static String require(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
        }
        if (!isPrintable(value)) {
            throw new IllegalArgumentException(field + " " + MESSAGE + " or unpaired surrogates");
        }
        return value;
    }

    /** The value quoted for an error message: at most {@value #EXCERPT_LENGTH} characters, control characters hidden. */
    public static String excerpt(Object value) {
        String text = String.valueOf(value);
        String head = text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) : text;
        if (!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1); // never half a character
        }
        StringBuilder quoted = new StringBuilder(head.length() + 1);
        head.codePoints().forEach(c -> quoted.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.length() > EXCERPT_LENGTH ? quoted.append('…').toString() : quoted.toString();
    }

    private static boolean isPrintable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
