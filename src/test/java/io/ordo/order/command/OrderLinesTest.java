package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.ADDRESS;
import static io.ordo.order.command.OrderFixture.BOOK;
import static io.ordo.order.command.OrderFixture.CANCELLED;
import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.CUSTOMER_ID;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PEN;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.SHIPPED;
import static io.ordo.order.command.OrderFixture.amount;
import static io.ordo.order.command.OrderFixture.line;
import static io.ordo.order.command.OrderFixture.productsAtOneEuro;
import static org.hamcrest.Matchers.containsString;

import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.RemoveOrderLine;
import io.ordo.order.command.OrderFixture.RefusedCommand;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Changing a placed order's lines. The scenarios start from {@link OrderFixture}'s order. */
class OrderLinesTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

    @Nested
    class AddingALine {

        @Test
        void addsALineWithTheNewTotalAndLineCountAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 3, "7.25")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderLineAdded(ORDER_ID, line("lamp", 3, "7.25"), amount("47.25"), 3))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void recordsTheAddedLineAtTheCurrencysMinorUnits() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 2, "7.5")))
                    .expectEvents(new OrderLineAdded(ORDER_ID, line("lamp", 2, "7.50"), amount("40.50"), 3));
        }

        @Test
        void returnsTheVersionAfterAllEarlierEvents() {
            fixture.given(PLACED, new OrderLineRemoved(ORDER_ID, "pen", amount("20.00"), 1))
                    .when(new AddOrderLine(ORDER_ID, PEN))
                    .expectEvents(new OrderLineAdded(ORDER_ID, PEN, amount("25.50"), 2))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void addingExactlyTheSameLineAgainIsANoOp() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, BOOK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void addingTheSameLineWithThePriceWrittenAtAnotherScaleIsANoOp() {
            fixture.given(PLACED, new OrderLineAdded(ORDER_ID, line("lamp", 2, "7.50"), amount("40.50"), 3))
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 2, "7.5")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void acceptsTheMaximumQuantityOfTenThousand() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 10_000, "1.00")))
                    .expectEvents(new OrderLineAdded(ORDER_ID, line("lamp", 10_000, "1.00"), amount("10025.50"), 3));
        }

        @Test
        void rejectsAHundredAndFirstLine() {
            List<OrderLine> lines = productsAtOneEuro(100);
            fixture.given(new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, lines, ADDRESS, amount("100.00")))
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "1.00")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("maximum of 100 lines"))
                    .expectNoEvents();
        }

        @Test
        void addsALineToAnOrderWhoseLinesWereAllRemoved() {
            fixture.given(
                            PLACED,
                            new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1),
                            new OrderLineRemoved(ORDER_ID, "pen", amount("0.00"), 0))
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "7.25")))
                    .expectEvents(new OrderLineAdded(ORDER_ID, line("lamp", 1, "7.25"), amount("7.25"), 1))
                    .expectResultMessagePayload(3L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsAnotherQuantityForAProductAlreadyOnTheOrder",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("book", 5, "10.00")),
                            "already has a line for product book"),
                    RefusedCommand.refused(
                            "rejectsAnotherPriceForAProductAlreadyOnTheOrder",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("book", 2, "9.00")),
                            "already has a line for product book"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityOfZero",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 0, "1.00")),
                            "quantity"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityAboveTenThousand",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 10_001, "1.00")),
                            "quantity"),
                    RefusedCommand.invalid(
                            "rejectsANegativeUnitPrice",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "-1.00")),
                            "negative"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceWithMoreThanTwoDecimals",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "0.001")),
                            "decimals"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceFinerThanTheOrdersCurrencyAllows",
                            List.of(new OrderPlaced(
                                    ORDER_ID,
                                    CUSTOMER_ID,
                                    "JPY",
                                    List.of(line("book", 1, "1500")),
                                    ADDRESS,
                                    amount("1500"))),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "0.50")),
                            "JPY"),
                    RefusedCommand.invalid(
                            "rejectsAMissingLine",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, null),
                            "line must not be empty"),
                    RefusedCommand.refused(
                            "rejectsAddingALineToAConfirmedOrder",
                            List.of(PLACED, CONFIRMED),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "7.25")),
                            "only while PLACED"),
                    RefusedCommand.refused(
                            "rejectsAddingALineToACancelledOrder",
                            List.of(PLACED, CANCELLED),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "7.25")),
                            "only while PLACED"));
        }
    }

    @Nested
    class RemovingALine {

        @Test
        void removesALineWithTheNewTotalAndLineCountAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new RemoveOrderLine(ORDER_ID, "book"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void removesTheLastLineLeavingAnEmptyOrder() {
            fixture.given(PLACED, new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1))
                    .when(new RemoveOrderLine(ORDER_ID, "pen"))
                    .expectEvents(new OrderLineRemoved(ORDER_ID, "pen", amount("0.00"), 0))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void removingALineThatIsNotThereIsANoOp() {
            fixture.given(PLACED)
                    .when(new RemoveOrderLine(ORDER_ID, "lamp"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void removingAnAlreadyRemovedLineIsANoOp() {
            fixture.given(PLACED, new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1))
                    .when(new RemoveOrderLine(ORDER_ID, "book"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.refused(
                            "rejectsRemovingALineFromAConfirmedOrder",
                            List.of(PLACED, CONFIRMED),
                            new RemoveOrderLine(ORDER_ID, "book"),
                            "only while PLACED"),
                    RefusedCommand.refused(
                            "rejectsRemovingALineFromAShippedOrder",
                            List.of(PLACED, CONFIRMED, SHIPPED),
                            new RemoveOrderLine(ORDER_ID, "book"),
                            "only while PLACED"));
        }
    }

    @Nested
    class ChangingALinesQuantity {

        @Test
        void changesTheQuantityWithTheNewTotalAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 5))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "book", 5, amount("55.50")))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changingToTheCurrentQuantityIsANoOp() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void changingBackToAnEarlierQuantityIsNotANoOp() {
            fixture.given(PLACED, new OrderLineQuantityChanged(ORDER_ID, "book", 5, amount("55.50")))
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 2))
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "book", 2, amount("25.50")))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void acceptsAQuantityOfOne() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 1))
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "book", 1, amount("15.50")));
        }

        @Test
        void acceptsTheMaximumQuantityOfTenThousand() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "pen", 10_000))
                    .expectEvents(new OrderLineQuantityChanged(ORDER_ID, "pen", 10_000, amount("55020.00")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.invalid(
                            "aQuantityOutOfRangeIsInvalidInputWhateverTheOrdersState",
                            List.of(PLACED, CONFIRMED),
                            new ChangeLineQuantity(ORDER_ID, "book", 0),
                            "quantity must be between 1 and 10000"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityOfZero",
                            List.of(PLACED),
                            new ChangeLineQuantity(ORDER_ID, "book", 0),
                            "quantity"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityAboveTenThousand",
                            List.of(PLACED),
                            new ChangeLineQuantity(ORDER_ID, "book", 10_001),
                            "quantity"),
                    RefusedCommand.refused(
                            "rejectsChangingAProductThatIsNotOnTheOrder",
                            List.of(PLACED),
                            new ChangeLineQuantity(ORDER_ID, "lamp", 3),
                            "no line for product lamp"),
                    RefusedCommand.refused(
                            "rejectsChangingAQuantityOnAConfirmedOrder",
                            List.of(PLACED, CONFIRMED),
                            new ChangeLineQuantity(ORDER_ID, "book", 5),
                            "only while PLACED"),
                    RefusedCommand.refused(
                            "rejectsChangingAQuantityOnACancelledOrder",
                            List.of(PLACED, CANCELLED),
                            new ChangeLineQuantity(ORDER_ID, "book", 5),
                            "only while PLACED"));
        }
    }
}
