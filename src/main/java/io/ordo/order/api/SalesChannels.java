package io.ordo.order.api;

/**
 * The channels an order can come through. {@value #DEFAULT} is the channel of an order whose client names none, and of
 * every order placed before the channel was recorded ({@link OrderPlaced} revision 1).
 */
public final class SalesChannels {

    public static final String DEFAULT = "web";

    /** The known channels as a regular expression, for request validation. */
    public static final String PATTERN = "web|store|phone|marketplace";

    private SalesChannels() {}

    public static boolean isKnown(String channel) {
        return channel != null && channel.matches(PATTERN);
    }
}
