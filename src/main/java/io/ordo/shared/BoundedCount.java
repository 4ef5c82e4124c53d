package io.ordo.shared;

/** A count of units a client asks for (a line's quantity, a restock): at least one, at most a given bound. */
public final class BoundedCount {

    private BoundedCount() {}

    /** The count, or an {@link IllegalArgumentException} that names the field, the bounds and the value. */
    public static int require(int count, String field, int max) {
        if (count < 1 || count > max) {
            throw new IllegalArgumentException(field + " must be between 1 and " + max + ", was " + count);
        }
        return count;
    }
}
