package io.ordo.order.command;

import io.ordo.order.api.OrderLimits;
import io.ordo.order.api.SalesChannels;
import io.ordo.order.api.ShippingAddress;
import io.ordo.shared.BoundedText;

/**
 * The order's free-text input, each field with its {@link OrderLimits} bound in one place, checked with the texts'
 * one rule ({@link BoundedText}) before the order looks at its state. The web layer checks the same bounds with Bean
 * Validation; these hold for a command from any other path.
 */
final class OrderInput {

    private OrderInput() {}

    static void requireAddress(ShippingAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("an order needs a shipping address");
        }
        BoundedText.require(address.name(), "shippingAddress.name", OrderLimits.MAX_ADDRESS_NAME);
        BoundedText.require(address.street(), "shippingAddress.street", OrderLimits.MAX_STREET);
        BoundedText.require(address.postalCode(), "shippingAddress.postalCode", OrderLimits.MAX_POSTAL_CODE);
        BoundedText.require(address.city(), "shippingAddress.city", OrderLimits.MAX_CITY);
        BoundedText.require(address.country(), "shippingAddress.country", OrderLimits.MAX_COUNTRY);
    }

    static void requireSalesChannel(String channel) {
        if (!SalesChannels.isKnown(channel)) {
            throw new IllegalArgumentException("salesChannel must be one of " + SalesChannels.PATTERN.replace("|", ", ")
                    + ", was: " + BoundedText.excerpt(channel));
        }
    }

    /** Why an order is cancelled or rejected. */
    static void requireReason(String reason) {
        BoundedText.require(reason, "reason", OrderLimits.MAX_REASON);
    }

    static void requireShipment(String carrier, String trackingNumber) {
        BoundedText.require(carrier, "carrier", OrderLimits.MAX_CARRIER);
        BoundedText.require(trackingNumber, "trackingNumber", OrderLimits.MAX_TRACKING_NUMBER);
    }
}
