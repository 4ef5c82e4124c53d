package io.ordo.order.web;

import io.ordo.inventory.api.queries.CurrentProduct;
import io.ordo.inventory.api.queries.CurrentProducts;
import io.ordo.inventory.api.queries.FindCurrentProducts;
import io.ordo.order.api.OrderLine;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Money;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Completes requested lines from the products' current state before an order is placed or a line added: a client may
 * give only {@code productId} and {@code quantity}, and the product supplies name and unit price. A name or price the
 * client does give must be the product's. Products are asked through a query that the Product aggregates answer from their own
 * events, so a price changed a moment ago already counts; the Order aggregate itself never reads another aggregate or
 * a projection, it receives complete lines.
 */
@Component
class ProductLines {

    private final QueryGateway queries;

    ProductLines(QueryGateway queries) {
        this.queries = queries;
    }

    /** A line priced by its product, with the currency the product is priced in. */
    record PricedLine(OrderLine line, String currency) {}

    /**
     * The lines priced by their products; with an {@code orderCurrency}, every product must be priced in it. Unknown
     * products and malformed amounts are bad requests (400); a discontinued product or a line that contradicts the
     * product is a conflict with the product's state (409).
     */
    List<PricedLine> price(String orderCurrency, List<LineRequest> requested) {
        if (orderCurrency != null) {
            invalidInput(() -> Money.currencyOf(orderCurrency));
        }
        Set<String> productIds = requested.stream().map(LineRequest::productId).collect(Collectors.toSet());
        CurrentProducts products = queries.query(new FindCurrentProducts(productIds), CurrentProducts.class)
                .join();
        return requested.stream()
                .map(line -> price(orderCurrency, line, products))
                .toList();
    }

    private static PricedLine price(String orderCurrency, LineRequest line, CurrentProducts products) {
        CurrentProduct entry = products.find(line.productId())
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.BAD_REQUEST, "product " + line.productId() + " is not registered"));
        if (entry.discontinued()) {
            throw conflict("product " + entry.productId() + " is discontinued");
        }
        if (orderCurrency != null && !orderCurrency.equals(entry.currency())) {
            throw conflict("product " + entry.productId() + " is priced in " + entry.currency() + ", the order is in "
                    + orderCurrency);
        }
        if (line.productName() != null && !line.productName().equals(entry.name())) {
            throw conflict("line " + entry.productId() + " says \"" + BoundedText.excerpt(line.productName())
                    + "\" but the product is called \"" + BoundedText.excerpt(entry.name()) + "\"");
        }
        if (line.unitPrice() != null) {
            Money given = invalidInput(() -> Money.of(line.unitPrice(), entry.currency()));
            Money currentPrice = Money.of(entry.unitPrice(), entry.currency());
            if (!given.equals(currentPrice)) {
                throw conflict("line " + entry.productId() + " says unit price " + given.amount()
                        + " but the product's price is " + currentPrice.amount() + " " + entry.currency());
            }
        }
        OrderLine priced = new OrderLine(entry.productId(), entry.name(), line.quantity(), entry.unitPrice());
        return new PricedLine(priced, entry.currency());
    }

    private static <T> T invalidInput(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static ResponseStatusException conflict(String detail) {
        return new ResponseStatusException(HttpStatus.CONFLICT, detail);
    }
}
