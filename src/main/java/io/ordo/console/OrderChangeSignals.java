package io.ordo.console;

import io.ordo.order.api.queries.OrderReadModels;
import io.ordo.platform.live.LiveStreams;
import io.ordo.platform.projections.ShadowTables;
import io.ordo.platform.roles.QuerySide;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Tells the open order pages that orders changed, so they re-fetch what they show. It runs in the processor of the
 * order read models ({@link OrderReadModels#PROCESSING_GROUP}) and signals only once the batch has committed: a page
 * that re-reads then finds the change, which a handler of its own processor, running apart, could not promise. It
 * only hands topics to {@link LiveStreams} (which coalesces them and sends on its own thread), so it cannot fail or
 * hold the projections up.
 */
@QuerySide
@Component
@ProcessingGroup(OrderReadModels.PROCESSING_GROUP)
class OrderChangeSignals {

    private static final String ORDER = "Order";
    private static final String CHANGED = OrderChangeSignals.class.getName() + ".changed";

    private final LiveStreams liveStreams;

    OrderChangeSignals(LiveStreams liveStreams) {
        this.liveStreams = liveStreams;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || !ORDER.equals(domain.getType())) {
            return;
        }
        if (ShadowTables.active()) {
            return; // an audit rebuilding shadow tables: the pages' read models did not change
        }
        if (!CurrentUnitOfWork.isStarted()) {
            signal(Set.of(domain.getAggregateIdentifier()));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Set<String> changed = batch.getResource(CHANGED);
        if (changed == null) {
            Set<String> orders = new HashSet<>();
            batch.resources().put(CHANGED, orders);
            batch.afterCommit(committed -> signal(orders));
            changed = orders;
        }
        changed.add(domain.getAggregateIdentifier());
    }

    private void signal(Set<String> orderIds) {
        liveStreams.signal(OrderListPages.LIVE_TOPIC);
        orderIds.forEach(orderId -> liveStreams.signal(OrderScreen.liveTopic(orderId)));
    }
}
