package io.ordo.console;

import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.OrderStatus.Step;
import io.ordo.order.api.queries.OrderView;
import io.ordo.platform.history.AuditTrail;
import io.ordo.platform.history.FindAuditTrail;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an order's page shows, gathered in two reads: the order from its read model and its timeline from the event
 * store. The actions offered are those the order's status allows ({@link OrderStatus#allows}), the same table the
 * Order aggregate decides with; each is sent with the version shown, so a page that is behind is refused, not obeyed.
 */
@Component
class OrderScreen {

    static String liveTopic(String orderId) {
        return "order:" + orderId;
    }

    private final QueryGateway queries;
    private final FreshOrders orders;

    OrderScreen(QueryGateway queries, FreshOrders orders) {
        this.queries = queries;
        this.orders = orders;
    }

    /** Fills the model for the order's page; a 404 if there is no such order. */
    void show(String orderId, Long minVersion, Model model) {
        Optional<OrderView> found = orders.find(orderId, minVersion);
        OrderView order = found.orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no order " + orderId + " (a just-placed order may take a moment)."));
        List<TimelineEntry> timeline =
                queries.query(new FindAuditTrail("Order", orderId), AuditTrail.class).join().events().stream()
                        .map(TimelineEntry::of)
                        .toList();
        // the store may be ahead of the read model: the slider reaches the newest version the store has
        long latest = timeline.isEmpty()
                ? order.version()
                : timeline.get(timeline.size() - 1).version();
        OrderStatus status = order.status();
        model.addAttribute("order", order);
        model.addAttribute("timeline", timeline);
        model.addAttribute("latestVersion", Math.max(latest, order.version()));
        model.addAttribute("canConfirm", status.allows(Step.CONFIRM));
        model.addAttribute("canShip", status.allows(Step.SHIP));
        model.addAttribute("canDeliver", status.allows(Step.DELIVER));
        model.addAttribute("canCancel", status.allows(Step.CANCEL));
        model.addAttribute("liveUrl", "/console/orders/" + orderId + "/live");
    }
}
