package io.ordo.order.web;

import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.DeliverOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.commands.RemoveOrderLine;
import io.ordo.order.api.commands.ShipOrder;
import io.ordo.platform.roles.CommandEndpoint;
import io.ordo.platform.web.VersionTagged;
import io.ordo.platform.web.VersionTags;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The order's commands over HTTP: each answers the order's version after the command, in the body and as the ETag.
 * Commands on an existing order honour If-Match: sent with the order's ETag, they apply only at that version.
 */
@CommandEndpoint
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Place an order and move it through its lifecycle")
class OrderCommandController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;
    private static final String IF_MATCH = HttpHeaders.IF_MATCH;
    private static final String IF_MATCH_DOC = VersionTags.IF_MATCH_DESCRIPTION;

    private final CommandGateway commands;
    private final ProductLines productLines;

    OrderCommandController(CommandGateway commands, ProductLines productLines) {
        this.commands = commands;
        this.productLines = productLines;
    }

    @Operation(
            summary = "Place an order",
            description =
                    "Prices the lines from their products (a given name or unit price must match it) and places the"
                            + " order at version 0. Without orderId a UUID is assigned; an orderId that is taken is a 409.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @VersionTagged
    ResponseEntity<CommandAccepted> place(@Valid @RequestBody PlaceOrderRequest request) {
        String orderId = OrderIds.orNew(request.orderId());
        PlaceOrder command = new PlaceOrder(
                orderId,
                request.customerId(),
                request.currency(),
                productLines.price(request.currency(), request.lines()).stream()
                        .map(ProductLines.PricedLine::line)
                        .toList(),
                request.shippingAddress().toAddress(),
                request.salesChannel());
        try {
            long version = send(command);
            return ResponseEntity.created(URI.create("/api/orders/" + orderId))
                    .eTag(VersionTags.etag(version))
                    .body(new CommandAccepted(orderId, version));
        } catch (AggregateStreamCreationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "order " + orderId + " already exists");
        }
    }

    @Operation(summary = "Add a line", description = "Only while the order is PLACED; one line per product.")
    @PostMapping("/{orderId}/lines")
    ResponseEntity<CommandAccepted> addLine(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody LineRequest line) {
        Long expectedVersion = VersionTags.expectedVersion(ifMatch);
        ProductLines.PricedLine priced = productLines.price(null, List.of(line)).get(0);
        return answer(orderId, new AddOrderLine(orderId, priced.line(), priced.currency(), expectedVersion));
    }

    @Operation(summary = "Change a line's quantity", description = "Setting the quantity it has records nothing.")
    @PatchMapping("/{orderId}/lines/{productId}")
    ResponseEntity<CommandAccepted> changeQuantity(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody ChangeQuantityRequest request) {
        return answer(
                orderId,
                new ChangeLineQuantity(orderId, productId, request.quantity(), VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Remove a line", description = "Removing a line that is not there records nothing.")
    @DeleteMapping("/{orderId}/lines/{productId}")
    ResponseEntity<CommandAccepted> removeLine(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch) {
        return answer(orderId, new RemoveOrderLine(orderId, productId, VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(
            summary = "Confirm the order",
            description = "A PLACED order with lines; the fulfilment saga then reserves the stock and asks for payment."
                    + " Confirming a confirmed order records nothing.")
    @PostMapping("/{orderId}/confirm")
    ResponseEntity<CommandAccepted> confirm(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch) {
        return answer(orderId, new ConfirmOrder(orderId, VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Ship the order", description = "Only a CONFIRMED order that is paid.")
    @PostMapping("/{orderId}/ship")
    ResponseEntity<CommandAccepted> ship(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody ShipRequest request) {
        return answer(
                orderId,
                new ShipOrder(
                        orderId, request.carrier(), request.trackingNumber(), VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Record the delivery", description = "Only a SHIPPED order.")
    @PostMapping("/{orderId}/deliver")
    ResponseEntity<CommandAccepted> deliver(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch) {
        return answer(orderId, new DeliverOrder(orderId, VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Cancel the order", description = "Until it ships; a paid order is refunded.")
    @PostMapping("/{orderId}/cancel")
    ResponseEntity<CommandAccepted> cancel(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody CancelRequest request) {
        return answer(orderId, new CancelOrder(orderId, request.reason(), VersionTags.expectedVersion(ifMatch)));
    }

    private ResponseEntity<CommandAccepted> answer(String orderId, Object command) {
        long version = send(command);
        return ResponseEntity.ok().eTag(VersionTags.etag(version)).body(new CommandAccepted(orderId, version));
    }

    private long send(Object command) {
        return commands.<Long>sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
