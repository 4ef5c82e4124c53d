package io.ordo.order.command;

import io.ordo.order.api.OrderLine;
import io.ordo.shared.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order's lines as an immutable value: one line per product, 1 to {@value #MAX_LINES} of them when placed, each
 * with a quantity of 1 to {@value #MAX_QUANTITY} and a unit price in the order's currency. Every change returns a new
 * value, so a rejected change leaves the order untouched.
 */
record OrderLines(String currency, Map<String, OrderLine> byProduct) {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;

    OrderLines {
        byProduct = Collections.unmodifiableMap(new LinkedHashMap<>(byProduct));
    }

    static OrderLines of(String currency, List<OrderLine> lines) {
        Money.currencyOf(currency);
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an order holds at most " + MAX_LINES + " lines, got " + lines.size());
        }
        long distinctProducts = lines.stream()
                .map(line -> line == null ? null : line.productId())
                .distinct()
                .count();
        if (distinctProducts < lines.size()) {
            throw new IllegalArgumentException("an order holds one line per product; merge the quantities");
        }
        OrderLines result = new OrderLines(currency, Map.of());
        for (OrderLine line : lines) {
            result = result.with(line);
        }
        return result;
    }

    OrderLines with(OrderLine line) {
        OrderLine valid = validated(line);
        if (byProduct.containsKey(valid.productId())) {
            throw new IllegalStateException(
                    "the order already has a line for product " + valid.productId() + "; change its quantity instead");
        }
        if (byProduct.size() >= MAX_LINES) {
            throw new IllegalStateException("an order holds at most " + MAX_LINES + " lines");
        }
        Map<String, OrderLine> changed = new LinkedHashMap<>(byProduct);
        changed.put(valid.productId(), valid);
        return new OrderLines(currency, changed);
    }

    OrderLines without(String productId) {
        line(productId);
        Map<String, OrderLine> changed = new LinkedHashMap<>(byProduct);
        changed.remove(productId);
        return new OrderLines(currency, changed);
    }

    OrderLines withQuantity(String productId, int quantity) {
        requireQuantity(quantity);
        OrderLine current = line(productId);
        Map<String, OrderLine> changed = new LinkedHashMap<>(byProduct);
        changed.put(productId, new OrderLine(productId, current.productName(), quantity, current.unitPrice()));
        return new OrderLines(currency, changed);
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

    /** Whether exactly this line (same product, quantity and price) is already on the order. */
    boolean contains(OrderLine line) {
        if (line == null || !has(line.productId())) {
            return false;
        }
        OrderLine current = line(line.productId());
        return current.quantity() == line.quantity()
                && line.unitPrice() != null
                && current.unitPrice().compareTo(line.unitPrice()) == 0
                && current.productName().equals(line.productName());
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

    private OrderLine validated(OrderLine line) {
        if (line == null) {
            throw new IllegalArgumentException("a line must not be empty");
        }
        if (line.productId() == null || line.productId().isBlank()) {
            throw new IllegalArgumentException("a line needs a productId");
        }
        if (line.productName() == null || line.productName().isBlank()) {
            throw new IllegalArgumentException("line " + line.productId() + " needs a productName");
        }
        requireQuantity(line.quantity());
        if (line.unitPrice() == null) {
            throw new IllegalArgumentException("line " + line.productId() + " needs a unitPrice");
        }
        Money price = Money.of(line.unitPrice(), currency);
        return new OrderLine(line.productId(), line.productName(), line.quantity(), price.amount());
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY + ", was " + quantity);
        }
    }
}
