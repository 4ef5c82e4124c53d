package io.ordo.inventory.web;

import io.ordo.inventory.api.commands.ChangeProductPrice;
import io.ordo.inventory.api.commands.DiscontinueProduct;
import io.ordo.inventory.api.commands.RegisterProduct;
import io.ordo.inventory.api.commands.RestockProduct;
import io.ordo.inventory.api.queries.FindProduct;
import io.ordo.inventory.api.queries.ListProducts;
import io.ordo.inventory.api.queries.ProductView;
import io.ordo.platform.history.AuditTrail;
import io.ordo.platform.history.FindAuditTrail;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Products over HTTP: commands answer the product's version, in the body and as the ETag, and honour If-Match; reads
 * come from the product read model, with the version shown as the ETag.
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "Products, their prices and stock")
class ProductController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;
    private static final String IF_MATCH = HttpHeaders.IF_MATCH;
    private static final String IF_MATCH_DOC = VersionTags.IF_MATCH_DESCRIPTION;

    private final CommandGateway commands;
    private final QueryGateway queries;

    ProductController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(
            summary = "Register a product",
            description = "At version 0; without productId a UUID is assigned, a productId that is taken is a 409.")
    @CommandEndpoint
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @VersionTagged
    ResponseEntity<ProductAccepted> register(@Valid @RequestBody RegisterProductRequest request) {
        String productId = request.productId() != null
                ? request.productId()
                : UUID.randomUUID().toString();
        RegisterProduct command = new RegisterProduct(
                productId, request.name(), request.unitPrice(), request.currency(), request.initialStock());
        try {
            long version = send(command);
            return ResponseEntity.created(URI.create("/api/products/" + productId))
                    .eTag(VersionTags.etag(version))
                    .body(new ProductAccepted(productId, version));
        } catch (AggregateStreamCreationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "product " + productId + " already exists");
        }
    }

    @Operation(summary = "List the products", description = "Discontinued products only with includeDiscontinued=true.")
    @GetMapping
    List<ProductView> products(@RequestParam(defaultValue = "false") boolean includeDiscontinued) {
        return queries.query(
                        new ListProducts(includeDiscontinued), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
    }

    @Operation(summary = "Read a product", description = "Its price and its available, reserved and committed stock.")
    @GetMapping("/{productId}")
    @VersionTagged
    ResponseEntity<ProductView> product(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId) {
        return queries.query(new FindProduct(productId), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .map(view -> ResponseEntity.ok()
                        .eTag(VersionTags.etag(view.version()))
                        .body(view))
                .orElseThrow(() -> notFound(productId));
    }

    @Operation(summary = "A product's audit trail", description = "Every event the product had, with its metadata.")
    @GetMapping("/{productId}/events")
    AuditTrail productEvents(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId) {
        return queries.query(new FindAuditTrail("Product", productId), AuditTrail.class)
                .join()
                .orNotFound("product " + productId);
    }

    @Operation(summary = "Add stock", description = "Adds to the available stock, 1 to 1,000,000 units at a time.")
    @CommandEndpoint
    @PostMapping("/{productId}/restock")
    ResponseEntity<ProductAccepted> restock(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody RestockRequest request) {
        return answer(
                productId, new RestockProduct(productId, request.quantity(), VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Change the price", description = "Orders placed before keep the price they were placed at.")
    @CommandEndpoint
    @PatchMapping("/{productId}/price")
    ResponseEntity<ProductAccepted> changePrice(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch,
            @Valid @RequestBody PriceRequest request) {
        return answer(
                productId,
                new ChangeProductPrice(productId, request.unitPrice(), VersionTags.expectedVersion(ifMatch)));
    }

    @Operation(summary = "Discontinue the product", description = "It can no longer be ordered.")
    @CommandEndpoint
    @PostMapping("/{productId}/discontinue")
    ResponseEntity<ProductAccepted> discontinue(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String productId,
            @RequestHeader(name = IF_MATCH, required = false) @Parameter(description = IF_MATCH_DOC) String ifMatch) {
        return answer(productId, new DiscontinueProduct(productId, VersionTags.expectedVersion(ifMatch)));
    }

    private ResponseEntity<ProductAccepted> answer(String productId, Object command) {
        long version = send(command);
        return ResponseEntity.ok().eTag(VersionTags.etag(version)).body(new ProductAccepted(productId, version));
    }

    private long send(Object command) {
        return commands.<Long>sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static ResponseStatusException notFound(String productId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "product " + productId + " does not exist");
    }
}
