package io.ordo.order.web;

import io.ordo.order.api.ShippingAddress;
import jakarta.validation.constraints.NotBlank;

record AddressRequest(
        @NotBlank String name,
        @NotBlank String street,
        @NotBlank String postalCode,
        @NotBlank String city,
        @NotBlank String country) {

    ShippingAddress toAddress() {
        return new ShippingAddress(name, street, postalCode, city, country);
    }
}
