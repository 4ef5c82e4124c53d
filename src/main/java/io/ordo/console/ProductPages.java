package io.ordo.console;

import io.ordo.inventory.api.commands.DiscontinueProduct;
import io.ordo.inventory.api.commands.RestockProduct;
import io.ordo.inventory.api.queries.FindProduct;
import io.ordo.inventory.api.queries.ListProducts;
import io.ordo.inventory.api.queries.ProductView;
import io.ordo.platform.history.EventSearch;
import io.ordo.platform.history.StoredEventSearch;
import io.ordo.platform.live.LiveStreams;
import io.ordo.platform.roles.CommandEndpoint;
import io.ordo.shared.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Products and stock ({@code /console/products}): every product with its stock on hand, reserved and available, the
 * low ones marked ({@code ordo.analytics.low-stock-below}, the threshold the dashboard's stock alerts use), and a product's page with its newest events. Both update live
 * from the stock events ({@link StockChanges}). An ADMIN may restock or discontinue a product from its page.
 */
@Controller
class ProductPages {

    static final int MAX_RESTOCK = 1_000_000;
    private static final int HISTORY_EVENTS = 20;
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ObjectProvider<StoredEventSearch> events;
    private final LiveStreams live;
    private final int lowStock;

    ProductPages(
            QueryGateway queries,
            CommandGateway commands,
            ObjectProvider<StoredEventSearch> events,
            LiveStreams live,
            @Value("${ordo.analytics.low-stock-below:5}") int lowStock) {
        if (lowStock < 0) {
            throw new IllegalArgumentException("ordo.analytics.low-stock-below must not be negative");
        }
        this.queries = queries;
        this.commands = commands;
        this.events = events;
        this.live = live;
        this.lowStock = lowStock;
    }

    @GetMapping("/console/products")
    String products(Model model) {
        List<ProductView> products = queries.query(
                        new ListProducts(true), ResponseTypes.multipleInstancesOf(ProductView.class))
                .join();
        model.addAttribute("products", products);
        model.addAttribute("lowStock", lowStock);
        return "console/products";
    }

    @GetMapping("/console/products/{productId}")
    String product(@PathVariable String productId, Model model, HttpServletRequest request) {
        ProductView product = queries.query(
                        new FindProduct(checked(productId)), ResponseTypes.optionalInstanceOf(ProductView.class))
                .join()
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "product " + productId + " does not exist"));
        model.addAttribute("product", product);
        model.addAttribute("lowStock", lowStock);
        model.addAttribute("admin", request.isUserInRole("ADMIN"));
        model.addAttribute("maxRestock", MAX_RESTOCK);
        history(productId, model);
        return "console/product";
    }

    /** The product's newest events, re-fetched by its page when a stock change arrives. */
    @GetMapping("/console/products/{productId}/history")
    String productHistory(@PathVariable String productId, Model model) {
        history(checked(productId), model);
        return "console/product :: history";
    }

    /** Stock changes of every product as they are committed ({@link StockChanges}). */
    @GetMapping("/console/products/live")
    SseEmitter stock() {
        return live.open(StockChanges.TOPIC);
    }

    @CommandEndpoint
    @PostMapping("/console/products/{productId}/restock")
    String restock(@PathVariable String productId, @RequestParam int quantity, HttpServletRequest request) {
        requireAdmin(request);
        if (quantity < 1 || quantity > MAX_RESTOCK) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "quantity must be 1 to " + MAX_RESTOCK);
        }
        send(new RestockProduct(checked(productId), quantity));
        return "redirect:/console/products/" + productId + "?done=restocked";
    }

    @CommandEndpoint
    @PostMapping("/console/products/{productId}/discontinue")
    String discontinue(@PathVariable String productId, HttpServletRequest request) {
        requireAdmin(request);
        send(new DiscontinueProduct(checked(productId)));
        return "redirect:/console/products/" + productId + "?done=discontinued";
    }

    private void history(String productId, Model model) {
        StoredEventSearch store = events.getIfAvailable();
        model.addAttribute("productId", productId);
        model.addAttribute("historySearchable", store != null);
        if (store != null) {
            model.addAttribute(
                    "history",
                    store.search(new EventSearch(productId, null, null, null, null, null, HISTORY_EVENTS))
                            .events());
        }
    }

    private void send(Object command) {
        commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void requireAdmin(HttpServletRequest request) {
        if (!request.isUserInRole("ADMIN")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "restocking and discontinuing need ADMIN");
        }
    }

    private static String checked(String productId) {
        if (!Identifiers.isValid(productId)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "productId " + Identifiers.MESSAGE);
        }
        return productId;
    }
}
