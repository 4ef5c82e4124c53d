package io.ordo.bench.baseline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The baseline's one aggregate: an order created with lines, to which a line for another product can be added. */
@Aggregate
public class BaselineOrder {

    public record Line(String productId, int quantity) {}

    public record CreateOrder(@TargetAggregateIdentifier String orderId, String customerId, List<Line> lines) {}

    public record AddLine(@TargetAggregateIdentifier String orderId, Line line) {}

    public record OrderCreated(String orderId, String customerId, List<Line> lines) {}

    public record LineAdded(String orderId, Line line) {}

    @AggregateIdentifier
    private String orderId;

    private final Set<String> products = new HashSet<>();

    protected BaselineOrder() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public BaselineOrder(CreateOrder command) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new IllegalArgumentException("an order needs a line");
        }
        apply(new OrderCreated(command.orderId(), command.customerId(), command.lines()));
    }

    @CommandHandler
    public void handle(AddLine command) {
        if (products.contains(command.line().productId())) {
            throw new IllegalArgumentException(
                    "the order already has a line for " + command.line().productId());
        }
        apply(new LineAdded(orderId, command.line()));
    }

    @EventSourcingHandler
    void on(OrderCreated event) {
        orderId = event.orderId();
        event.lines().forEach(line -> products.add(line.productId()));
    }

    @EventSourcingHandler
    void on(LineAdded event) {
        products.add(event.line().productId());
    }
}
