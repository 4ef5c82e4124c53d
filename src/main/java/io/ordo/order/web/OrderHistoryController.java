package io.ordo.order.web;

import io.ordo.order.api.queries.FindOrderAsOf;
import io.ordo.order.api.queries.OrderAsOf;
import io.ordo.platform.history.PointInHistory;
import io.ordo.platform.web.ApiTags;
import io.ordo.shared.AsOf;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time travel: an order as it was at an instant ({@code ?at=2026-11-01T10:15:30Z}) or just after one of its versions
 * ({@code ?version=3}), rebuilt from the event store.
 */
@RestController
@Tag(name = ApiTags.HISTORY)
class OrderHistoryController {

    private final QueryGateway queries;

    OrderHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(
            operationId = "orderAsOf",
            summary = "An order as it was",
            description = "At an instant (at) or just after a version (version): exactly one of them.")
    @GetMapping("/api/orders/{orderId}/history")
    OrderAsOf order(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) @Min(0) Long version) {
        AsOf asOf = PointInHistory.of(at, version);
        return queries.query(new FindOrderAsOf(orderId, asOf), ResponseTypes.optionalInstanceOf(OrderAsOf.class))
                .join()
                .orElseThrow(() -> PointInHistory.notFound("order " + orderId, asOf));
    }
}
