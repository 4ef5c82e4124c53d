package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.amount;
import static io.ordo.order.command.OrderFixture.line;
import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.ConfirmOrder;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** If-Match: a command that names the version it expects. The scenarios start from {@link OrderFixture}'s order. */
class OrderVersionTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

    @Nested
    class CommandsForAnExpectedVersion {

        private static final OrderLineQuantityChanged BOOK_TO_5 =
                new OrderLineQuantityChanged(ORDER_ID, "book", 5, amount("55.50"));

        @Test
        void appliesACommandAtTheVersionItExpects() {
            fixture.given(PLACED, BOOK_TO_5)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 3, 1L))
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "book", 3, amount("35.50")))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesACommandForAVersionTheOrderHasMovedPast() {
            fixture.given(PLACED, BOOK_TO_5)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 3, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectExceptionMessage(containsString("Expected [0], but repository found [1]"))
                    .expectNoEvents();
        }

        @Test
        void refusesACommandForAVersionTheOrderHasNotReached() {
            fixture.given(PLACED)
                    .when(new ConfirmOrder(ORDER_ID, 4L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void checksTheVersionBeforeTheRules() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new AddOrderLine(ORDER_ID, line("ink", 1, "2.00"), EUR, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesEvenANoOpForAnotherVersion() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ConfirmOrder(ORDER_ID, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void withoutAnExpectedVersionAppliesAtAnyVersion() {
            fixture.given(PLACED, BOOK_TO_5)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 3, null))
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "book", 3, amount("35.50")))
                    .expectResultMessagePayload(2L);
        }
    }
}
