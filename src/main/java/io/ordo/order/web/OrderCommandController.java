package io.ordo.order.web;

import io.ordo.order.api.AddOrderLine;
import io.ordo.order.api.CancelOrder;
import io.ordo.order.api.ChangeLineQuantity;
import io.ordo.order.api.ConfirmOrder;
import io.ordo.order.api.DeliverOrder;
import io.ordo.order.api.PlaceOrder;
import io.ordo.order.api.RemoveOrderLine;
import io.ordo.order.api.ShipOrder;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The order's commands over HTTP: each answers the order's version after the command. */
@RestController
@RequestMapping("/api/orders")
class OrderCommandController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final CatalogLines catalog;

    OrderCommandController(CommandGateway commands, CatalogLines catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> place(@Valid @RequestBody PlaceOrderRequest request) {
        String orderId = OrderIds.orNew(request.orderId());
        PlaceOrder command = new PlaceOrder(
                orderId,
                request.customerId(),
                request.currency(),
                catalog.price(request.currency(), request.lines()).stream()
                        .map(CatalogLines.PricedLine::line)
                        .toList(),
                request.shippingAddress().toAddress(),
                request.salesChannel());
        try {
            return ResponseEntity.created(URI.create("/api/orders/" + orderId)).body(send(orderId, command));
        } catch (AggregateStreamCreationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "order " + orderId + " already exists");
        }
    }

    @PostMapping("/{orderId}/lines")
    CommandAccepted addLine(@PathVariable String orderId, @Valid @RequestBody LineRequest line) {
        CatalogLines.PricedLine priced = catalog.price(null, List.of(line)).get(0);
        return send(orderId, new AddOrderLine(orderId, priced.line(), priced.currency()));
    }

    @PatchMapping("/{orderId}/lines/{productId}")
    CommandAccepted changeQuantity(
            @PathVariable String orderId,
            @PathVariable String productId,
            @Valid @RequestBody ChangeQuantityRequest request) {
        return send(orderId, new ChangeLineQuantity(orderId, productId, request.quantity()));
    }

    @DeleteMapping("/{orderId}/lines/{productId}")
    CommandAccepted removeLine(@PathVariable String orderId, @PathVariable String productId) {
        return send(orderId, new RemoveOrderLine(orderId, productId));
    }

    @PostMapping("/{orderId}/confirm")
    CommandAccepted confirm(@PathVariable String orderId) {
        return send(orderId, new ConfirmOrder(orderId));
    }

    @PostMapping("/{orderId}/ship")
    CommandAccepted ship(@PathVariable String orderId, @Valid @RequestBody ShipRequest request) {
        return send(orderId, new ShipOrder(orderId, request.carrier(), request.trackingNumber()));
    }

    @PostMapping("/{orderId}/deliver")
    CommandAccepted deliver(@PathVariable String orderId) {
        return send(orderId, new DeliverOrder(orderId));
    }

    @PostMapping("/{orderId}/cancel")
    CommandAccepted cancel(@PathVariable String orderId, @Valid @RequestBody CancelRequest request) {
        return send(orderId, new CancelOrder(orderId, request.reason()));
    }

    private CommandAccepted send(String orderId, Object command) {
        Long version = commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new CommandAccepted(orderId, version);
    }
}
