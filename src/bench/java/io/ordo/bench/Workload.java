package io.ordo.bench;

import java.util.Random;

/**
 * The orders the benchmark places: three different products out of the {@code products} registered, chosen at random,
 * one unit each, so reservations spread over the products as in a shop rather than all hitting one product.
 */
final class Workload {

    private final String runId;
    private final int products;

    Workload(String runId, int products) {
        this.runId = runId;
        this.products = products;
    }

    /** The same products, with order ids of their own: orders that must not collide with this one's. */
    Workload named(String suffix) {
        return new Workload(runId + suffix, products);
    }

    static String productId(int index) {
        return "bench-sku-%04d".formatted(index);
    }

    void registerProducts(Http http) {
        for (int i = 0; i < products; i++) {
            String body = """
                    {"productId":"%s","name":"Bench product %d","unitPrice":%d.%02d,"currency":"EUR",\
                    "initialStock":1000000}""".formatted(productId(i), i, 1 + i % 20, (i * 7) % 100);
            Http.Response answer = http.post("/api/products", body);
            if (answer.status() != 201 && answer.status() != 409) {
                throw new IllegalStateException("could not register " + productId(i) + ": " + answer);
            }
        }
    }

    /** One order: its id, its customer and three different products; the scenario decides how many are placed. */
    record Order(String orderId, String customerId, String... productIds) {

        String placeJson(int lines) {
            return placeOrder(orderId, customerId, java.util.Arrays.copyOf(productIds, lines));
        }

        String thirdLineJson() {
            return "{\"productId\":\"" + productIds[2] + "\",\"quantity\":1}";
        }
    }

    String orderId(int clients, int client, long n) {
        return "%s-c%d-%d-%d".formatted(runId, clients, client, n);
    }

    String orderPrefix(String scenario, int clients, int client) {
        return "%s-%s-c%d-%d".formatted(runId, scenario, clients, client);
    }

    Order order(String orderId, Random random) {
        int a = random.nextInt(products);
        int b = (a + 1 + random.nextInt(products - 1)) % products;
        int c = random.nextInt(products);
        while (c == a || c == b) {
            c = (c + 1) % products;
        }
        return new Order(orderId, "customer-" + random.nextInt(1000), productId(a), productId(b), productId(c));
    }

    String placeOrder(String orderId, Random random) {
        return order(orderId, random).placeJson(3);
    }

    static String placeOrder(String orderId, String customerId, String... productIds) {
        StringBuilder lines = new StringBuilder();
        for (String productId : productIds) {
            if (lines.length() > 0) {
                lines.append(',');
            }
            lines.append("{\"productId\":\"").append(productId).append("\",\"quantity\":1}");
        }
        return """
                {"orderId":"%s","customerId":"%s","currency":"EUR","lines":[%s],\
                "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","postalCode":"1000",\
                "city":"Brussels","country":"BE"}}""".formatted(orderId, customerId, lines);
    }
}
