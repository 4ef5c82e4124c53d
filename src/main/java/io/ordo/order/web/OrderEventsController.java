package io.ordo.order.web;

import io.ordo.platform.history.AuditTrail;
import io.ordo.platform.history.FindAuditTrail;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: every event an order ever had, with the metadata that ties it to the request that caused it. */
@RestController
@Tag(name = "Orders")
class OrderEventsController {

    private final QueryGateway queries;

    OrderEventsController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "An order's audit trail",
            description = "Every event the order had, with the metadata that ties it to the request that caused it.")
    @GetMapping("/api/orders/{orderId}/events")
    AuditTrail orderEvents(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId) {
        return queries.query(new FindAuditTrail("Order", orderId), AuditTrail.class)
                .join()
                .orNotFound("order " + orderId);
    }
}
