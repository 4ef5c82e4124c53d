package io.ordo.console;

import io.ordo.order.api.OrderLimits;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.DeliverOrder;
import io.ordo.order.api.commands.ShipOrder;
import io.ordo.platform.ErrorCategory;
import io.ordo.platform.roles.CommandEndpoint;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The order page's actions, as plain form posts (they work without scripts): each sends its command with the version
 * the page showed, like the API's If-Match, so an order that changed meanwhile is not overwritten but explained. A
 * done action redirects to the order's page at the version it reached (post/redirect/get, so a reload does not send it
 * again); a refused one shows the page again with the reason.
 */
@CommandEndpoint
@Controller
class OrderActionPages {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;
    private final OrderScreen screen;

    OrderActionPages(CommandGateway commands, OrderScreen screen) {
        this.commands = commands;
        this.screen = screen;
    }

    @PostMapping("/console/orders/{orderId}/confirm")
    String confirm(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam @NotNull @Min(0) Long version,
            Model model,
            HttpServletResponse response) {
        return send(orderId, new ConfirmOrder(orderId, version), version, OrderAction.CONFIRMED, model, response);
    }

    @PostMapping("/console/orders/{orderId}/ship")
    String ship(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam @NotNull @Min(0) Long version,
            @RequestParam
                    @NotBlank
                    @Size(max = OrderLimits.MAX_CARRIER)
                    @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
                    String carrier,
            @RequestParam
                    @NotBlank
                    @Size(max = OrderLimits.MAX_TRACKING_NUMBER)
                    @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
                    String trackingNumber,
            Model model,
            HttpServletResponse response) {
        ShipOrder command = new ShipOrder(orderId, carrier.strip(), trackingNumber.strip(), version);
        return send(orderId, command, version, OrderAction.SHIPPED, model, response);
    }

    @PostMapping("/console/orders/{orderId}/deliver")
    String deliver(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam @NotNull @Min(0) Long version,
            Model model,
            HttpServletResponse response) {
        return send(orderId, new DeliverOrder(orderId, version), version, OrderAction.DELIVERED, model, response);
    }

    @PostMapping("/console/orders/{orderId}/cancel")
    String cancel(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @RequestParam @NotNull @Min(0) Long version,
            @RequestParam
                    @NotBlank
                    @Size(max = OrderLimits.MAX_REASON)
                    @Pattern(regexp = BoundedText.PATTERN, message = BoundedText.MESSAGE)
                    String reason,
            Model model,
            HttpServletResponse response) {
        CancelOrder command = new CancelOrder(orderId, reason.strip(), version);
        return send(orderId, command, version, OrderAction.CANCELLED, model, response);
    }

    private String send(
            String orderId,
            Object command,
            long shownVersion,
            OrderAction action,
            Model model,
            HttpServletResponse response) {
        try {
            Long reached = commands.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return "redirect:/console/orders/" + orderId + "?done=" + action.name() + "&version=" + reached;
        } catch (ConflictingAggregateVersionException e) {
            return refused(orderId, HttpStatus.CONFLICT, stale(shownVersion, e), model, response);
        } catch (CommandExecutionException e) {
            ErrorCategory category = e.<ErrorCategory>getDetails().orElseThrow(() -> e);
            if (category == ErrorCategory.PRECONDITION_FAILED) {
                ConflictingAggregateVersionException mismatch =
                        e.getCause() instanceof ConflictingAggregateVersionException cause ? cause : null;
                return refused(orderId, HttpStatus.CONFLICT, stale(shownVersion, mismatch), model, response);
            }
            HttpStatus status = category == ErrorCategory.NOT_FOUND
                    ? HttpStatus.NOT_FOUND
                    : category == ErrorCategory.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
            return refused(orderId, status, e.getMessage(), model, response);
        }
    }

    private String refused(
            String orderId, HttpStatus status, String reason, Model model, HttpServletResponse response) {
        screen.show(orderId, null, model);
        model.addAttribute("refusal", reason);
        response.setStatus(status.value());
        return "console/order";
    }

    private static String stale(long shownVersion, ConflictingAggregateVersionException mismatch) {
        String now = mismatch == null ? "" : " (it is now at version " + mismatch.getActualVersion() + ")";
        return "This order changed meanwhile" + now + ", after the version " + shownVersion
                + " this page showed: nothing was done. Reload the page to see the change, then decide again.";
    }
}
