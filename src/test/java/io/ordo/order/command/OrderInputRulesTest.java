package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.line;
import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inputs the order refuses whoever sends them: the API, the saga, or a client of the command bus. */
class OrderInputRulesTest {

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Test
    void aLinePricedInAnotherCurrencyCannotJoinTheOrder() {
        fixture.given(PLACED)
                .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "30.00"), "USD"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("priced in USD, the order is in EUR"))
                .expectNoEvents();
    }

    @Test
    void aLinePricedInTheOrdersCurrencyJoinsIt() {
        fixture.given(PLACED)
                .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "30.00"), "EUR"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUnpaidOrderIsNotCancelledWithoutAReason() {
        fixture.given(PLACED)
                .when(new CancelUnpaidOrder(ORDER_ID, " "))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
