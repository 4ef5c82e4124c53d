package io.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.commands.ConfirmOrder;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The logging context of a command handled where no request set one: the saga's commands, Axon Server's routing. */
class CommandLogContextTest {

    private final CommandLogContext context = new CommandLogContext();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aCommandsLinesCarryItsRequestPrincipalAndTargetAndNothingAfterwards() throws Exception {
        Map<String, String> during = handle(new ConfirmOrder("order-7"), "req-1", "clerk");

        assertThat(during)
                .containsEntry("requestId", "req-1")
                .containsEntry("principal", "clerk")
                .containsEntry("orderId", "order-7");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void whatTheRequestPutThereStaysAndUnfitValuesAreLeftOut() throws Exception {
        MDC.put("requestId", "from-the-request");

        Map<String, String> during = handle(new ConfirmOrder("order-7"), "req-1", "line\nbreak");

        assertThat(during).containsEntry("requestId", "from-the-request").doesNotContainKey("principal");
        assertThat(MDC.getCopyOfContextMap()).containsExactlyEntriesOf(Map.of("requestId", "from-the-request"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> handle(Object payload, String requestId, String principal) throws Exception {
        CommandMessage<Object> command = new GenericCommandMessage<>(
                payload, MetaData.with("requestId", requestId).and("principal", principal));
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            // the handler: what a line it logs would carry
            return (Map<String, String>) context.handle(unitOfWork, MDC::getCopyOfContextMap);
        } finally {
            unitOfWork.commit();
        }
    }
}
