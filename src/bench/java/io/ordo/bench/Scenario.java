package io.ordo.bench;

import java.util.Random;

/**
 * What one client does per order, against one target: two commands, the first creating the order. Workloads:
 * {@code edit} places an order with two lines and adds a third (no saga), {@code fulfil} places one with three lines
 * and confirms it (the fulfilment saga reserves the stock and requests the payment).
 */
interface Scenario {

    String EDIT = "edit";
    String FULFIL = "fulfil";

    /** {@code edit} or {@code fulfil}. */
    String workload();

    /** {@code Ordo} or {@code baseline}. */
    String target();

    /** Whether an order can be read back with {@code ?minVersion=} (the projection lag is sampled). */
    boolean readsBack();

    Http.Response first(Http http, Workload.Order order);

    Http.Response second(Http http, Workload.Order order);

    static Scenario ordo(String workload) {
        return switch (workload) {
            case EDIT -> new Ordo(EDIT, 2);
            case FULFIL -> new Ordo(FULFIL, 3);
            default -> throw new IllegalArgumentException("unknown workload " + workload + " (edit, fulfil)");
        };
    }

    /** The plain-Axon baseline knows only the edit workload: it has no saga. */
    static Scenario baselineEdit() {
        return new Baseline();
    }

    /** The service's own API. */
    record Ordo(String workload, int linesPlaced) implements Scenario {

        @Override
        public String target() {
            return "Ordo";
        }

        @Override
        public boolean readsBack() {
            return true;
        }

        @Override
        public Http.Response first(Http http, Workload.Order order) {
            return http.post("/api/orders", order.placeJson(linesPlaced));
        }

        @Override
        public Http.Response second(Http http, Workload.Order order) {
            return workload.equals(EDIT)
                    ? http.post("/api/orders/" + order.orderId() + "/lines", order.thirdLineJson())
                    : http.post("/api/orders/" + order.orderId() + "/confirm", null);
        }
    }

    /** {@code io.ordo.bench.baseline}: the same bodies, its own paths. */
    record Baseline() implements Scenario {

        @Override
        public String workload() {
            return EDIT;
        }

        @Override
        public String target() {
            return "baseline";
        }

        @Override
        public boolean readsBack() {
            return false;
        }

        @Override
        public Http.Response first(Http http, Workload.Order order) {
            return http.post("/orders", order.placeJson(2));
        }

        @Override
        public Http.Response second(Http http, Workload.Order order) {
            return http.post("/orders/" + order.orderId() + "/lines", order.thirdLineJson());
        }
    }

    /** The next order of a client. */
    static Workload.Order next(Workload workload, String prefix, long n, Random random) {
        return workload.order(prefix + "-" + n, random);
    }
}
