package io.ordo.inventory.web;

import io.ordo.inventory.api.ChangeProductPrice;
import io.ordo.inventory.api.DiscontinueProduct;
import io.ordo.inventory.api.FindProduct;
import io.ordo.inventory.api.ListProducts;
import io.ordo.inventory.api.ProductView;
import io.ordo.inventory.api.RegisterProduct;
import io.ordo.inventory.api.RestockProduct;
import io.ordo.operations.history.AuditTrail;
import io.ordo.operations.history.FindAuditTrail;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The catalog over HTTP: commands answer the product's version, reads come from the product read model. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ProductController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<ProductAccepted> register(@Valid @RequestBody RegisterProductRequest request) {
        String productId = request.productId() != null
                ? request.productId()
                : UUID.randomUUID().toString();
        RegisterProduct command = new RegisterProduct(
                productId, request.name(), request.unitPrice(), request.currency(), request.initialStock());
        try {
            return ResponseEntity.created(URI.create("/api/products/" + productId))
                    .body(send(productId, command));
        } catch (AggregateStreamCreationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "product " + productId + " already exists");
        }
    }

    @GetMapping
    List<ProductView> products(@RequestParam(defaultValue = "false") boolean includeDiscontinued) {
        return queries.query(
                        new ListProducts(includeDiscontinued), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    @GetMapping("/{productId}")
    ProductView product(@PathVariable String productId) {
        return queries.query(new FindProduct(productId), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .orElseThrow(() -> notFound(productId));
    }

    @GetMapping("/{productId}/events")
    AuditTrail productEvents(@PathVariable String productId) {
        AuditTrail trail = queries.query(new FindAuditTrail("Product", productId), AuditTrail.class)
                .join();
        if (trail.events().isEmpty()) {
            throw notFound(productId);
        }
        return trail;
    }

    @PostMapping("/{productId}/restock")
    ProductAccepted restock(@PathVariable String productId, @Valid @RequestBody RestockRequest request) {
        return send(productId, new RestockProduct(productId, request.quantity()));
    }

    @PatchMapping("/{productId}/price")
    ProductAccepted changePrice(@PathVariable String productId, @Valid @RequestBody PriceRequest request) {
        return send(productId, new ChangeProductPrice(productId, request.unitPrice()));
    }

    @PostMapping("/{productId}/discontinue")
    ProductAccepted discontinue(@PathVariable String productId) {
        return send(productId, new DiscontinueProduct(productId));
    }

    private ProductAccepted send(String productId, Object command) {
        Long version = commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return new ProductAccepted(productId, version);
    }

    private static ResponseStatusException notFound(String productId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "product " + productId + " does not exist");
    }
}
