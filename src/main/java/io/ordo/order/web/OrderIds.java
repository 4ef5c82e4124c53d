package io.ordo.order.web;

import java.util.UUID;

final class OrderIds {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private OrderIds() {}

    static String orNew(String requested) {
        return requested != null ? requested : UUID.randomUUID().toString();
    }
}
