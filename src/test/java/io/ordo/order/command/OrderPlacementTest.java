package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.ADDRESS;
import static io.ordo.order.command.OrderFixture.BOOK;
import static io.ordo.order.command.OrderFixture.CUSTOMER_ID;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PEN;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.amount;
import static io.ordo.order.command.OrderFixture.line;
import static io.ordo.order.command.OrderFixture.placeOrder;
import static io.ordo.order.command.OrderFixture.placeOrderIn;
import static io.ordo.order.command.OrderFixture.placed;
import static io.ordo.order.command.OrderFixture.productsAtOneEuro;

import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.command.OrderFixture.RefusedCommand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Placing an order: what a new order records, and which input it refuses. The scenarios start from {@link OrderFixture}'s order. */
class OrderPlacementTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

    @Nested
    class PlacingAnOrder {

        @Test
        void anOrderRecordedUnderOlderRulesStillLoads() {
            OrderLine tooManyByTodaysRules = line("book", 20_000, "10.00");
            fixture.given(placed(amount("200000.00"), tooManyByTodaysRules))
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectEvents(new OrderConfirmed(ORDER_ID, amount("200000.00"), EUR, List.of(tooManyByTodaysRules)))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void placesAnOrderWithItsLinesAndTotalAndReturnsVersionZero() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(BOOK, PEN))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(PLACED)
                    .expectResultMessagePayload(0L);
        }

        @Test
        void recordsTheSalesChannelTheOrderCameThrough() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK, PEN), ADDRESS, "phone"))
                    .expectEvents(new OrderPlaced(
                            ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK, PEN), ADDRESS, amount("25.50"), "phone"));
        }

        @Test
        void normalisesUnitPricesToTheCurrencysMinorUnits() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 3, "9.5"), line("pen", 1, "2")))
                    .expectEvents(placed(amount("30.50"), line("book", 3, "9.50"), line("pen", 1, "2.00")))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void acceptsTrailingZerosBeyondTheMinorUnit() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 1, "9.5000")))
                    .expectEvents(placed(amount("9.50"), line("book", 1, "9.50")));
        }

        @Test
        void acceptsAQuantityOfOne() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 1, "10.00")))
                    .expectEvents(placed(amount("10.00"), line("book", 1, "10.00")));
        }

        @Test
        void acceptsTheMaximumQuantityOfTenThousand() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 10_000, "0.99")))
                    .expectEvents(placed(amount("9900.00"), line("book", 10_000, "0.99")));
        }

        @Test
        void acceptsAFreeLine() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("sample", 1, "0")))
                    .expectEvents(placed(amount("0.00"), line("sample", 1, "0.00")));
        }

        @Test
        void recordsWholeUnitsForACurrencyWithoutMinorUnits() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("JPY", line("book", 2, "1500.00")))
                    .expectEvents(new OrderPlaced(
                            ORDER_ID,
                            CUSTOMER_ID,
                            "JPY",
                            List.of(line("book", 2, "1500")),
                            ADDRESS,
                            new BigDecimal("3000")));
        }

        @Test
        void acceptsOneHundredLines() {
            List<OrderLine> lines = productsAtOneEuro(100);
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, lines, ADDRESS))
                    .expectEvents(new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, lines, ADDRESS, amount("100.00")))
                    .expectResultMessagePayload(0L);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.invalid(
                            "rejectsACurrencyWithoutMinorUnits",
                            List.of(),
                            placeOrderIn("XAU", line("gold", 1, "1.5")),
                            "XAU is not a currency for prices"),
                    RefusedCommand.invalid(
                            "rejectsAnUnknownSalesChannel",
                            List.of(),
                            new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS, "fax"),
                            "salesChannel"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityOfZero", List.of(), placeOrder(line("book", 0, "10.00")), "quantity"),
                    RefusedCommand.invalid(
                            "rejectsANegativeQuantity", List.of(), placeOrder(line("book", -1, "10.00")), "quantity"),
                    RefusedCommand.invalid(
                            "rejectsAQuantityAboveTenThousand",
                            List.of(),
                            placeOrder(line("book", 10_001, "10.00")),
                            "quantity"),
                    RefusedCommand.invalid(
                            "rejectsANegativeUnitPrice", List.of(), placeOrder(line("book", 1, "-0.01")), "negative"),
                    RefusedCommand.invalid(
                            "rejectsAMissingUnitPrice",
                            List.of(),
                            placeOrder(new OrderLine("book", "Book", 1, null)),
                            "unitPrice"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceWithMoreThanTwoDecimals",
                            List.of(),
                            placeOrder(line("book", 1, "9.995")),
                            "decimals"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceFinerThanTheCurrencysMinorUnit",
                            List.of(),
                            placeOrderIn("JPY", line("book", 1, "1.5")),
                            "JPY"),
                    // the house rule caps prices at cents, even for dinars that have fils
                    RefusedCommand.invalid(
                            "rejectsMoreThanTwoDecimalsEvenWhereTheCurrencyHasThreeMinorUnits",
                            List.of(),
                            placeOrderIn("KWD", line("book", 1, "1.125")),
                            "decimals"),
                    RefusedCommand.invalid(
                            "rejectsAnUnknownCurrency", List.of(), placeOrderIn("XYZ", BOOK), "unknown currency: XYZ"),
                    RefusedCommand.invalid(
                            "rejectsALowerCaseCurrencyCode", List.of(), placeOrderIn("eur", BOOK), "ISO 4217"),
                    RefusedCommand.invalid(
                            "rejectsACurrencyCodeThatIsNotThreeLetters",
                            List.of(),
                            placeOrderIn("EURO", BOOK),
                            "ISO 4217"),
                    RefusedCommand.invalid("rejectsAMissingCurrency", List.of(), placeOrderIn(null, BOOK), "currency"),
                    RefusedCommand.invalid("rejectsAnOrderWithoutLines", List.of(), placeOrder(), "at least one line"),
                    RefusedCommand.invalid(
                            "rejectsAnOrderWhoseLinesAreMissing",
                            List.of(),
                            new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, null, ADDRESS),
                            "at least one line"),
                    RefusedCommand.invalid(
                            "rejectsOneHundredAndOneLines",
                            List.of(),
                            new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, productsAtOneEuro(101), ADDRESS),
                            "at most 100 lines"),
                    RefusedCommand.invalid(
                            "rejectsTwoLinesForTheSameProduct",
                            List.of(),
                            placeOrder(line("book", 1, "10.00"), line("book", 2, "10.00")),
                            "one line per product"),
                    RefusedCommand.invalid(
                            "rejectsAnEmptyLine",
                            List.of(),
                            new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, Arrays.asList(BOOK, null), ADDRESS),
                            "line must not be empty"),
                    RefusedCommand.invalid(
                            "rejectsALineWithoutProductId",
                            List.of(),
                            placeOrder(new OrderLine(" ", "Book", 1, amount("10.00"))),
                            "productId"),
                    RefusedCommand.invalid(
                            "rejectsALineWithoutProductName",
                            List.of(),
                            placeOrder(new OrderLine("book", "", 1, amount("10.00"))),
                            "productName"),
                    RefusedCommand.invalid(
                            "rejectsABlankOrderId",
                            List.of(),
                            new PlaceOrder(" ", CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS),
                            "orderId"),
                    RefusedCommand.invalid(
                            "rejectsABlankCustomerId",
                            List.of(),
                            new PlaceOrder(ORDER_ID, "  ", EUR, List.of(BOOK), ADDRESS),
                            "customerId"),
                    RefusedCommand.invalid(
                            "rejectsAMissingCustomerId",
                            List.of(),
                            new PlaceOrder(ORDER_ID, null, EUR, List.of(BOOK), ADDRESS),
                            "customerId"),
                    RefusedCommand.invalid(
                            "rejectsAMissingShippingAddress",
                            List.of(),
                            new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), null),
                            "shipping address"));
        }
    }
}
