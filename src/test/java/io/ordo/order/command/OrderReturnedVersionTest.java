package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.BOOK;
import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PLACED;

import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.RemoveOrderLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command that changes nothing still answers the order's current version, which a client sends back as If-Match: a
 * wrong number there makes its next command fail with 412. Each scenario starts past version 0, so that a handler
 * answering 0 is told apart.
 */
class OrderReturnedVersionTest {

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Test
    void addingALineTheOrderAlreadyHasAnswersTheCurrentVersion() {
        fixture.given(PLACED, CONFIRMED)
                .when(new AddOrderLine(ORDER_ID, BOOK))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void settingALinesQuantityToWhatItIsAnswersTheCurrentVersion() {
        fixture.given(PLACED, CONFIRMED)
                .when(new ChangeLineQuantity(ORDER_ID, BOOK.productId(), BOOK.quantity()))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void removingALineTheOrderDoesNotHaveAnswersTheCurrentVersion() {
        fixture.given(PLACED, CONFIRMED)
                .when(new RemoveOrderLine(ORDER_ID, "lamp"))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }
}
