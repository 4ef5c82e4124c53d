package io.ordo.order.web;

import java.util.UUID;

final class OrderIds {

    private OrderIds() {}

    static String orNew(String requested) {
        return requested != null ? requested : UUID.randomUUID().toString();
    }
}
