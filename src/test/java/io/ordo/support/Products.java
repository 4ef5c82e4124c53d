package io.ordo.support;

import io.ordo.support.HttpJson.Response;

/** Registers products over HTTP, as a shop owner would before taking orders. */
public final class Products {

    private Products() {}

    public static String product(String productId, String name, String unitPrice, int initialStock) {
        return """
                {"productId":"%s","name":"%s","unitPrice":%s,"currency":"EUR","initialStock":%d}
                """.formatted(productId, name, unitPrice, initialStock);
    }

    /** Registers the products {@link Orders#placeOrder} and {@link Orders#line} name, with plenty of stock. */
    public static void ensureStandardProducts(HttpJson http) {
        ensureRegistered(http, "sku-1", "Mug", "9.50", 1_000_000);
        ensureRegistered(http, "sku-2", "Tea", "4.25", 1_000_000);
        ensureRegistered(http, "sku-3", "Product sku-3", "1.99", 1_000_000);
    }

    /** Registers the product unless a test before registered it already (ids are shared within one context). */
    public static void ensureRegistered(HttpJson http, String productId, String name, String unitPrice, int stock) {
        Response response = http.post("/api/products", product(productId, name, unitPrice, stock));
        if (response.status() != 201 && response.status() != 409) {
            throw new IllegalStateException("could not register " + productId + ": " + response);
        }
    }
}
