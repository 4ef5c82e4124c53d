package io.ordo.order.web;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.CustomerOrdersView;
import io.ordo.order.api.queries.FindCustomerOrders;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.ListOrders;
import io.ordo.order.api.queries.OrderPage;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.web.VersionTagged;
import io.ordo.platform.web.VersionTags;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api")
@Tag(name = "Orders")
class OrderQueryController {

    /**
     * Customer ids are read back as long as the column that stores them: orders placed before customer ids had to be
     * {@link Identifiers} can still be listed by theirs.
     */
    private static final int MAX_STORED_CUSTOMER_ID = 255;

    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    OrderQueryController(QueryGateway queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /**
     * With {@code minVersion}, waits (bounded) until the read model has caught up with the client's last write. The ETag
     * is the version of the order shown, for If-Match on the next command.
     */
    @Operation(
            summary = "Read an order",
            description = "From the read model, which may lag the store by a moment. With minVersion the read waits"
                    + " (bounded) until the order has reached that version: the version of your last command.")
    @GetMapping("/orders/{orderId}")
    @VersionTagged
    ResponseEntity<OrderView> order(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam(required = false) @Min(0) Long minVersion) {
        Optional<OrderView> order = minVersion == null
                ? queries.query(new FindOrder(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                        .join()
                : readYourWrites.find(orderId, minVersion);
        return order.map(view -> ResponseEntity.ok()
                        .eTag(VersionTags.etag(view.version()))
                        .body(view))
                .orElseThrow(() -> notFound("order " + orderId + " does not exist"));
    }

    @Operation(summary = "List order summaries", description = "Newest first, filtered by status and customer.")
    @GetMapping("/orders")
    OrderPage orders(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = MAX_STORED_CUSTOMER_ID) String customerId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.query(new ListOrders(status, customerId, page, size), OrderPage.class)
                .join();
    }

    @Operation(
            summary = "A customer's orders",
            description = "How many orders the customer placed, the first and the latest.")
    @GetMapping("/customers/{customerId}/orders")
    CustomerOrdersView customerOrders(@PathVariable @Size(max = MAX_STORED_CUSTOMER_ID) String customerId) {
        return queries.query(
                        new FindCustomerOrders(customerId), ResponseTypes.optionalInstanceOf(CustomerOrdersView.class))
                .join()
                .orElseThrow(() -> notFound("customer " + BoundedText.excerpt(customerId) + " has no orders"));
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
