package io.ordo.order.web;

import static io.ordo.shared.BoundedText.MESSAGE;
import static io.ordo.shared.BoundedText.PATTERN;

import io.ordo.order.api.OrderLimits;
import io.ordo.order.api.ShippingAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record AddressRequest(
        @NotBlank @Size(min = 1, max = OrderLimits.MAX_ADDRESS_NAME) @Pattern(regexp = PATTERN, message = MESSAGE)
        String name,

        @NotBlank @Size(min = 1, max = OrderLimits.MAX_STREET) @Pattern(regexp = PATTERN, message = MESSAGE)
        String street,

        @NotBlank @Size(min = 1, max = OrderLimits.MAX_POSTAL_CODE) @Pattern(regexp = PATTERN, message = MESSAGE)
        String postalCode,

        @NotBlank @Size(min = 1, max = OrderLimits.MAX_CITY) @Pattern(regexp = PATTERN, message = MESSAGE)
        String city,

        @NotBlank @Size(min = 1, max = OrderLimits.MAX_COUNTRY) @Pattern(regexp = PATTERN, message = MESSAGE)
        String country) {

    ShippingAddress toAddress() {
        return new ShippingAddress(name, street, postalCode, city, country);
    }
}
