package io.ordo.operations.history;

import io.ordo.inventory.api.FindProductAsOf;
import io.ordo.inventory.api.ProductAsOf;
import io.ordo.order.api.FindOrderAsOf;
import io.ordo.order.api.OrderAsOf;
import io.ordo.shared.AsOf;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Time travel: an order or a product as it was at an instant ({@code ?at=2026-11-01T10:15:30Z}) or just after one of
 * its versions ({@code ?version=3}), rebuilt from the event store.
 */
@RestController
@Tag(name = "History", description = "Orders and products as they were, rebuilt from the event store")
class TimeTravelController {

    private final QueryGateway queries;

    TimeTravelController(QueryGateway queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "An order as it was",
            description = "At an instant (at) or just after a version (version): exactly one of them.")
    @GetMapping("/api/orders/{orderId}/history")
    OrderAsOf order(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) @Min(0) Long version) {
        AsOf asOf = asOf(at, version);
        return find(new FindOrderAsOf(orderId, asOf), OrderAsOf.class, "order " + orderId, asOf);
    }

    @Operation(
            summary = "A product as it was",
            description = "At an instant (at) or just after a version (version): exactly one of them.")
    @GetMapping("/api/products/{productId}/history")
    ProductAsOf product(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestParam(required = false) Instant at,
            @RequestParam(required = false) @Min(0) Long version) {
        AsOf asOf = asOf(at, version);
        return find(new FindProductAsOf(productId, asOf), ProductAsOf.class, "product " + productId, asOf);
    }

    private static AsOf asOf(Instant at, Long version) {
        if ((at == null) == (version == null)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "give exactly one of at (an ISO-8601 instant) and version");
        }
        return at != null ? AsOf.at(at) : AsOf.version(version);
    }

    private <T> T find(Object query, Class<T> result, String what, AsOf asOf) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(result))
                .join()
                .orElseThrow(() -> notFound(what, asOf));
    }

    private static ResponseStatusException notFound(String what, AsOf asOf) {
        String detail = asOf.version() != null
                ? what + " never had version " + asOf.version()
                : what + " did not exist at " + asOf.at();
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
