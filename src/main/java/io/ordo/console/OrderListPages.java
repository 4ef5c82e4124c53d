package io.ordo.console;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.queries.BrowseOrders;
import io.ordo.order.api.queries.FindOrder;
import io.ordo.order.api.queries.OrderSlice;
import io.ordo.order.api.queries.OrderSummaryView;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.live.LiveStreams;
import io.ordo.shared.Identifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The orders list: newest first, searched by order id or customer id, filtered by status, paged by keyset ("older"
 * continues after the last order shown). The table is also served alone, for the page to re-fetch it, with the same
 * search, filter and page, when {@link OrderChangeSignals} says that orders changed.
 */
@Controller
class OrderListPages {

    static final String LIVE_TOPIC = "orders";
    static final int DEFAULT_SIZE = 25;
    /** As long as a stored customer id may be (orders from before ids were checked can still be found). */
    static final int MAX_SEARCH = 255;

    private final QueryGateway queries;
    private final LiveStreams liveStreams;

    OrderListPages(QueryGateway queries, LiveStreams liveStreams) {
        this.queries = queries;
        this.liveStreams = liveStreams;
    }

    @GetMapping("/console/orders")
    String list(
            @RequestParam(required = false) @Size(max = MAX_SEARCH) String q,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = ListCursor.MAX_LENGTH) String after,
            @RequestParam(defaultValue = "" + DEFAULT_SIZE) @Min(1) @Max(BrowseOrders.MAX_SIZE) int size,
            Model model) {
        fill(model, q, status, after, size);
        model.addAttribute("statuses", OrderStatus.values());
        return "console/orders";
    }

    @GetMapping("/console/orders/table")
    String table(
            @RequestParam(required = false) @Size(max = MAX_SEARCH) String q,
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) @Size(max = ListCursor.MAX_LENGTH) String after,
            @RequestParam(defaultValue = "" + DEFAULT_SIZE) @Min(1) @Max(BrowseOrders.MAX_SIZE) int size,
            Model model) {
        fill(model, q, status, after, size);
        return "console/orders :: table";
    }

    /** Tells the open list pages when orders were placed or changed; they re-fetch their table. */
    @GetMapping("/console/orders/live")
    SseEmitter live() {
        return liveStreams.open(LIVE_TOPIC);
    }

    private void fill(Model model, String q, OrderStatus status, String after, int size) {
        String search = q == null || q.isBlank() ? null : q.strip();
        ListCursor cursor = ListCursor.parse(after);
        OrderSlice slice = queries.query(
                        new BrowseOrders(status, search, cursor == null ? null : cursor.toQuery(), size),
                        OrderSlice.class)
                .join();
        List<OrderSummaryView> orders = new ArrayList<>(slice.orders());
        if (search != null && cursor == null) {
            exactOrder(search, status).ifPresent(order -> {
                orders.removeIf(shown -> shown.orderId().equals(order.orderId()));
                orders.add(0, order);
            });
        }
        String next = slice.next() == null ? null : ListCursor.of(slice.next()).toString();
        model.addAttribute("q", search);
        model.addAttribute("status", status);
        model.addAttribute("size", size);
        model.addAttribute("orders", orders);
        model.addAttribute("paged", cursor != null);
        model.addAttribute("tableUrl", url("/console/orders/table", search, status, after, size));
        model.addAttribute("newestUrl", url("/console/orders", search, status, null, size));
        model.addAttribute("olderUrl", next == null ? null : url("/console/orders", search, status, next, size));
    }

    /** The search may be an order's id: that order leads the first page (if it passes the status filter). */
    private Optional<OrderSummaryView> exactOrder(String search, OrderStatus status) {
        if (!Identifiers.isValid(search)) {
            return Optional.empty();
        }
        return queries.query(new FindOrder(search), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join()
                .filter(order -> status == null || order.status() == status)
                .map(OrderListPages::summary);
    }

    private static OrderSummaryView summary(OrderView order) {
        return new OrderSummaryView(
                order.orderId(),
                order.customerId(),
                order.status(),
                order.lines().size(),
                order.total(),
                order.currency(),
                order.placedAt(),
                order.updatedAt(),
                order.version());
    }

    /** Values as URI variables, so that every character of them is encoded, '&' and '=' included. */
    private static String url(String path, String q, OrderStatus status, String after, int size) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new HashMap<>();
        if (q != null) {
            url.queryParam("q", "{q}");
            values.put("q", q);
        }
        if (status != null) {
            url.queryParam("status", status.name());
        }
        if (after != null) {
            url.queryParam("after", "{after}");
            values.put("after", after);
        }
        if (size != DEFAULT_SIZE) {
            url.queryParam("size", size);
        }
        return url.encode().buildAndExpand(values).toUriString();
    }
}
