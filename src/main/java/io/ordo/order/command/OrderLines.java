package io.ordo.order.command;

import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLimits;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.shared.BoundedCount;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import io.ordo.shared.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order's lines as an immutable value, one line per product. The rules live in {@link #place}, {@link #add},
 * {@link #requireQuantity} and {@link #validated}: quantity 1 to {@value OrderLimits#MAX_QUANTITY}, a unit price in the order's
 * currency, 1 to {@value OrderLimits#MAX_LINES} lines when placed. {@link #recorded}, {@link #put} and {@link #remove} only
 * replay what events say, so an order recorded under older rules still loads. {@link #added}, {@link #removed},
 * {@link #quantityChanged} and {@link #confirmed} name the event that records a change, as the order applies it.
 */
record OrderLines(String currency, Map<String, OrderLine> byProduct) {

    OrderLines {
        byProduct = Collections.unmodifiableMap(new LinkedHashMap<>(byProduct));
    }

    /** The lines of a new order, checked against every rule; a rule broken here is invalid input (400). */
    static OrderLines place(String currency, List<OrderLine> lines) {
        Money.currencyOf(currency);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (lines.size() > OrderLimits.MAX_LINES) {
            throw new IllegalArgumentException(
                    "an order holds at most " + OrderLimits.MAX_LINES + " lines, got " + lines.size());
        }
        OrderLines placed = new OrderLines(currency, Map.of());
        for (OrderLine line : lines) {
            OrderLine valid = placed.validated(line);
            if (placed.has(valid.productId())) {
                throw new IllegalArgumentException(
                        "an order holds one line per product; " + valid.productId() + " appears twice");
            }
            placed = placed.put(valid);
        }
        return placed;
    }

    static OrderLines recorded(String currency, List<OrderLine> lines) {
        OrderLines recorded = new OrderLines(currency, Map.of());
        for (OrderLine line : lines) {
            recorded = recorded.put(line);
        }
        return recorded;
    }

    /** A valid line added to the order; the order's current lines may forbid it (409). */
    OrderLines add(OrderLine valid) {
        if (has(valid.productId())) {
            throw new IllegalStateException(
                    "the order already has a line for product " + valid.productId() + "; change its quantity instead");
        }
        if (byProduct.size() >= OrderLimits.MAX_LINES) {
            throw new IllegalStateException(
                    "the order already holds the maximum of " + OrderLimits.MAX_LINES + " lines");
        }
        return put(valid);
    }

    /** The line added, with the order's new total and line count. */
    OrderLineAdded added(String orderId, OrderLine valid) {
        OrderLines changed = add(valid);
        return new OrderLineAdded(orderId, valid, changed.total(), changed.size());
    }

    OrderLineRemoved removed(String orderId, String productId) {
        OrderLines changed = remove(productId);
        return new OrderLineRemoved(orderId, productId, changed.total(), changed.size());
    }

    /** A line's new quantity; a product not on the order has no quantity to change (409). */
    OrderLineQuantityChanged quantityChanged(String orderId, String productId, int quantity) {
        OrderLines changed = withQuantity(productId, quantity);
        return new OrderLineQuantityChanged(orderId, productId, quantity, changed.total());
    }

    /** The lines the order is confirmed with; an order without lines has nothing to confirm (409). */
    OrderConfirmed confirmed(String orderId) {
        if (isEmpty()) {
            throw new IllegalStateException("order " + orderId + " has no lines and cannot be confirmed");
        }
        return new OrderConfirmed(orderId, total(), currency, asList());
    }

    OrderLines put(OrderLine line) {
        Map<String, OrderLine> changed = new LinkedHashMap<>(byProduct);
        changed.put(line.productId(), line);
        return new OrderLines(currency, changed);
    }

    OrderLines remove(String productId) {
        Map<String, OrderLine> changed = new LinkedHashMap<>(byProduct);
        changed.remove(productId);
        return new OrderLines(currency, changed);
    }

    OrderLines withQuantity(String productId, int quantity) {
        OrderLine current = line(productId);
        return put(new OrderLine(productId, current.productName(), quantity, current.unitPrice()));
    }

    OrderLine line(String productId) {
        OrderLine line = byProduct.get(productId);
        if (line == null) {
            throw new IllegalStateException("the order has no line for product " + productId);
        }
        return line;
    }

    boolean has(String productId) {
        return byProduct.containsKey(productId);
    }

    boolean hasQuantity(String productId, int quantity) {
        return has(productId) && byProduct.get(productId).quantity() == quantity;
    }

    /** Whether exactly this line (same product, name, quantity and price) is already on the order. */
    boolean contains(OrderLine line) {
        return has(line.productId()) && byProduct.get(line.productId()).equals(line);
    }

    boolean isEmpty() {
        return byProduct.isEmpty();
    }

    int size() {
        return byProduct.size();
    }

    List<OrderLine> asList() {
        return List.copyOf(byProduct.values());
    }

    BigDecimal total() {
        return byProduct.values().stream()
                .map(line -> Money.of(line.unitPrice(), currency).times(line.quantity()))
                .reduce(Money.zero(currency), Money::plus)
                .amount();
    }

    /** The line with its price normalised to the currency, or {@link IllegalArgumentException} naming the rule. */
    OrderLine validated(OrderLine line) {
        if (line == null) {
            throw new IllegalArgumentException("a line must not be empty");
        }
        if (line.productId() == null || line.productId().isBlank()) {
            throw new IllegalArgumentException("a line needs a productId");
        }
        Identifiers.require(line.productId(), "a line's productId");
        if (line.productName() == null || line.productName().isBlank()) {
            throw new IllegalArgumentException("line " + line.productId() + " needs a productName");
        }
        BoundedText.require(
                line.productName(), "line " + line.productId() + "'s productName", OrderLimits.MAX_PRODUCT_NAME);
        requireQuantity(line.quantity());
        if (line.unitPrice() == null) {
            throw new IllegalArgumentException("line " + line.productId() + " needs a unitPrice");
        }
        Money price = Money.of(line.unitPrice(), currency);
        return new OrderLine(line.productId(), line.productName(), line.quantity(), price.amount());
    }

    /** A line priced by its product in another currency than the order's cannot join it (409). */
    void requirePricedIn(String priceCurrency, OrderLine line) {
        if (priceCurrency != null && !priceCurrency.equals(currency)) {
            throw new IllegalStateException(
                    "product " + line.productId() + " is priced in " + priceCurrency + ", the order is in " + currency);
        }
    }

    static void requireQuantity(int quantity) {
        BoundedCount.require(quantity, "quantity", OrderLimits.MAX_QUANTITY);
    }
}
