package io.ordo.fulfilment;

import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.commands.CommitStock;
import io.ordo.inventory.api.commands.ReleaseStock;
import io.ordo.inventory.api.commands.ReserveStock;
import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import io.ordo.order.api.commands.RefundPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.platform.ErrorCategory;
import io.ordo.platform.roles.CommandSide;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a confirmed order through stock reservation and payment to shipment, and undoes what it did when the order
 * fails. Every outcome it waits for is an event: reservations answer with {@link StockReserved} or
 * {@link StockReservationRejected}, the payment provider with {@link OrderPaid} or {@link PaymentDeclined}, and the
 * payment deadline fires {@link #PAYMENT_DEADLINE}. Compensation happens in one place: when the order is rejected or
 * cancelled, every line's stock is released (releasing what was never reserved changes nothing), and a paid order's
 * refund is issued.
 *
 * <p>Products are reserved and released in product id order, the same order every other caller locks them in. The
 * class is public because Axon instantiates sagas reflectively; its state is serialized with Jackson, field by field.
 */
@CommandSide
@Saga
@ProcessingGroup(OrderFulfilmentSaga.PROCESSING_GROUP)
public class OrderFulfilmentSaga {

    static final String PROCESSING_GROUP = "order-fulfilment";
    static final String ORDER_ID = "orderId";
    static final String PAYMENT_DEADLINE = "payment-deadline";
    static final String PAYMENT_TIMEOUT = "payment timeout";
    static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    private static final Logger log = LoggerFactory.getLogger(OrderFulfilmentSaga.class);

    private String orderId;
    private TreeMap<String, Integer> lines = new TreeMap<>();
    private TreeSet<String> reserved = new TreeSet<>();
    private TreeSet<String> refused = new TreeSet<>();
    private boolean failing;
    private String paymentDeadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderConfirmed event, CommandGateway commands) {
        orderId = event.orderId();
        if (event.confirmedBeforeFulfilment()) {
            SagaLifecycle.end();
            return;
        }
        event.lines().forEach(line -> lines.merge(line.productId(), line.quantity(), Integer::sum));
        lines.forEach((productId, quantity) -> commands.send(new ReserveStock(productId, orderId, quantity))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        // no outcome event will come for this line: reject the order, which releases the rest
                        log.warn("order {}: reserving {} failed: {}", orderId, productId, failure.getMessage());
                        send(commands, new RejectOrder(orderId, unreservable(productId, failure)));
                    }
                }));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReserved event, CommandGateway commands) {
        reserved.add(event.productId());
        if (!failing && reserved.containsAll(lines.keySet())) {
            send(commands, new RequestPayment(orderId));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(StockReservationRejected event, CommandGateway commands) {
        refused.add(event.productId());
        if (!failing) {
            failing = true;
            send(commands, new RejectOrder(orderId, event.reason() + " " + event.productId()));
        }
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentRequested event, DeadlineManager deadlines, FulfilmentProperties settings) {
        paymentDeadlineId =
                deadlines.schedule(settings.paymentTimeout(), PAYMENT_DEADLINE, new PaymentDeadline(orderId));
    }

    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void on(PaymentDeadline deadline, CommandGateway commands) {
        paymentDeadlineId = null;
        // cancels only if the order is still unpaid; the cancellation then releases the stock
        send(commands, new CancelUnpaidOrder(orderId, PAYMENT_TIMEOUT));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderPaid event, DeadlineManager deadlines) {
        cancelPaymentDeadline(deadlines);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentDeclined event, CommandGateway commands, DeadlineManager deadlines) {
        cancelPaymentDeadline(deadlines);
        failing = true;
        send(commands, new RejectOrder(orderId, PAYMENT_DECLINED));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderRejected event, CommandGateway commands, DeadlineManager deadlines) {
        releaseStock(commands);
        cancelPaymentDeadline(deadlines);
        SagaLifecycle.end();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderCancelled event, CommandGateway commands, DeadlineManager deadlines) {
        releaseStock(commands);
        cancelPaymentDeadline(deadlines);
        if (event.previousStatus() != OrderStatus.PAID) {
            SagaLifecycle.end();
        }
        // a paid order ends when its refund is recorded
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(RefundRequested event, CommandGateway commands) {
        // where a real payment provider is called; its confirmation is recorded on the order
        send(commands, new RefundPayment(orderId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(PaymentRefunded event) {
        log.debug("order {}: refund of {} {} recorded", orderId, event.amount(), event.currency());
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    void on(OrderShipped event, CommandGateway commands) {
        lines.keySet().forEach(productId -> send(commands, new CommitStock(productId, orderId)));
        SagaLifecycle.end();
    }

    private void releaseStock(CommandGateway commands) {
        lines.keySet().stream()
                .filter(productId -> !refused.contains(productId))
                .forEach(productId -> send(commands, new ReleaseStock(productId, orderId)));
    }

    private void cancelPaymentDeadline(DeadlineManager deadlines) {
        if (paymentDeadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
    }

    private void send(CommandGateway commands, Object command) {
        commands.send(command).whenComplete((result, failure) -> {
            if (failure != null) {
                log.warn("order {}: {} failed: {}", orderId, command, failure.getMessage());
            }
        });
    }

    private static String unreservable(String productId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
        boolean unknown = cause instanceof CommandExecutionException refused
                && refused.<ErrorCategory>getDetails()
                        .filter(ErrorCategory.NOT_FOUND::equals)
                        .isPresent();
        return (unknown ? "UNKNOWN_PRODUCT " : "UNAVAILABLE ") + productId;
    }
}
