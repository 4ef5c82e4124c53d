package io.ordo.support;

/** Request bodies for the order API, as a client would write them. */
public final class Orders {

    private Orders() {}

    public static String placeOrder(String orderId, String customerId) {
        return """
                {"orderId":"%s","customerId":"%s","currency":"EUR",
                 "lines":[{"productId":"sku-1","productName":"Mug","quantity":2,"unitPrice":9.50},
                          {"productId":"sku-2","productName":"Tea","quantity":1,"unitPrice":4.25}],
                 "shippingAddress":{"name":"Ada Lovelace","street":"1 Main St","postalCode":"1000",
                                    "city":"Brussels","country":"BE"}}
                """.formatted(orderId, customerId);
    }

    public static String line(String productId, int quantity, String unitPrice) {
        return """
                {"productId":"%s","productName":"Product %s","quantity":%d,"unitPrice":%s}
                """.formatted(productId, productId, quantity, unitPrice);
    }
}
