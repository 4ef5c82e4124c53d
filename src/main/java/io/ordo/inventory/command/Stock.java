package io.ordo.inventory.command;

import io.ordo.inventory.api.ProductLimits;
import io.ordo.shared.BoundedCount;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A product's stock as an immutable value: units on the shelf ({@code available}), units held for orders (one
 * reservation per order) and units shipped ({@code committed}). Every change moves units between the three, so their
 * sum only grows by restocking. The methods do arithmetic only; the rules are the aggregate's, checked before an event
 * is applied, so a history recorded under other rules still replays.
 */
record Stock(int available, Map<String, Integer> reservations, int committed) {

    Stock {
        reservations = Collections.unmodifiableMap(new HashMap<>(reservations));
    }

    static Stock of(int available) {
        return new Stock(available, Map.of(), 0);
    }

    static void requireUnits(int units, String what) {
        BoundedCount.require(units, what, ProductLimits.MAX_UNITS);
    }

    boolean holdsFor(String orderId) {
        return reservations.containsKey(orderId);
    }

    int heldFor(String orderId) {
        return reservations.getOrDefault(orderId, 0);
    }

    int reserved() {
        return reservations.values().stream().mapToInt(Integer::intValue).sum();
    }

    Stock restocked(int units) {
        return new Stock(available + units, reservations, committed);
    }

    Stock reserved(String orderId, int units) {
        Map<String, Integer> changed = new HashMap<>(reservations);
        changed.put(orderId, units);
        return new Stock(available - units, changed, committed);
    }

    Stock released(String orderId) {
        Map<String, Integer> changed = new HashMap<>(reservations);
        int units = changed.remove(orderId);
        return new Stock(available + units, changed, committed);
    }

    Stock committed(String orderId) {
        Map<String, Integer> changed = new HashMap<>(reservations);
        int units = changed.remove(orderId);
        return new Stock(available, changed, committed + units);
    }
}
