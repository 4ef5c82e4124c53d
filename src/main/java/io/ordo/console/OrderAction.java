package io.ordo.console;

/** What the order page can ask of an order, and the notice the page shows once it is done. */
enum OrderAction {
    CONFIRMED("Confirmed: the stock is reserved and payment requested next."),
    SHIPPED("Shipped."),
    DELIVERED("Delivery recorded."),
    CANCELLED("Cancelled.");

    private final String notice;

    OrderAction(String notice) {
        this.notice = notice;
    }

    public String notice() {
        return notice;
    }
}
