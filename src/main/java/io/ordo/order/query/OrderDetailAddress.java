package io.ordo.order.query;

import io.ordo.order.api.ShippingAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
record OrderDetailAddress(
        @Column(name = "ship_to_name") String name,
        @Column(name = "ship_to_street") String street,
        @Column(name = "ship_to_postal_code") String postalCode,
        @Column(name = "ship_to_city") String city,
        @Column(name = "ship_to_country") String country) {

    static OrderDetailAddress of(ShippingAddress address) {
        return new OrderDetailAddress(
                address.name(), address.street(), address.postalCode(), address.city(), address.country());
    }

    ShippingAddress toAddress() {
        return new ShippingAddress(name, street, postalCode, city, country);
    }
}
