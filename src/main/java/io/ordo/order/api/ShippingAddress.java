package io.ordo.order.api;

public record ShippingAddress(String name, String street, String postalCode, String city, String country) {}
