package io.ordo.console;

import io.ordo.order.api.queries.FindOrderAsOf;
import io.ordo.order.api.queries.OrderAsOf;
import io.ordo.platform.history.PointInHistory;
import io.ordo.platform.live.LiveStreams;
import io.ordo.shared.AsOf;
import io.ordo.shared.Identifiers;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An order's page: its state, lines, address and totals, its event timeline, the actions its status allows
 * ({@link OrderActionPages}) and time travel, the order as it was at any version or instant, rebuilt from its events.
 * The live part of the page is also served alone, for the page to re-fetch when {@link OrderChangeSignals} says the
 * order changed.
 */
@Controller
class OrderDetailPages {

    private final OrderScreen screen;
    private final QueryGateway queries;
    private final LiveStreams liveStreams;

    OrderDetailPages(OrderScreen screen, QueryGateway queries, LiveStreams liveStreams) {
        this.screen = screen;
        this.queries = queries;
        this.liveStreams = liveStreams;
    }

    /** {@code version}: the version the console's own last action reached, which the page waits (bounded) to show. */
    @GetMapping("/console/orders/{orderId}")
    String order(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam(required = false) @Min(0) Long version,
            @RequestParam(required = false) OrderAction done,
            Model model) {
        screen.show(orderId, version, model);
        model.addAttribute("done", done);
        return "console/order";
    }

    @GetMapping("/console/orders/{orderId}/state")
    String state(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            Model model) {
        screen.show(orderId, null, model);
        return "console/order :: state";
    }

    /** The order as it was just after {@code version}, or at the instant {@code at}: exactly one of them. */
    @GetMapping("/console/orders/{orderId}/as-of")
    String asOf(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam(required = false) @Min(0) Long version,
            @RequestParam(required = false) Instant at,
            Model model) {
        AsOf point = PointInHistory.of(at, version);
        OrderAsOf order = queries.query(
                        new FindOrderAsOf(orderId, point), ResponseTypes.optionalInstanceOf(OrderAsOf.class))
                .join()
                .orElseThrow(() -> PointInHistory.notFound("order " + orderId, point));
        model.addAttribute("past", order);
        return "console/order :: as-of";
    }

    @GetMapping("/console/orders/{orderId}/live")
    SseEmitter live(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId) {
        return liveStreams.open(OrderScreen.liveTopic(orderId));
    }
}
