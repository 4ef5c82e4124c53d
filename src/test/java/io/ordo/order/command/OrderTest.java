package io.ordo.order.command;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.ordo.order.api.OrderCancelled;
import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderDelivered;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.OrderLineAdded;
import io.ordo.order.api.OrderLineQuantityChanged;
import io.ordo.order.api.OrderLineRemoved;
import io.ordo.order.api.OrderPaid;
import io.ordo.order.api.OrderPlaced;
import io.ordo.order.api.OrderRejected;
import io.ordo.order.api.OrderShipped;
import io.ordo.order.api.OrderStatus;
import io.ordo.order.api.PaymentDeclined;
import io.ordo.order.api.PaymentOutcome;
import io.ordo.order.api.PaymentRefunded;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.RefundRequested;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.CancelUnpaidOrder;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.ConfirmOrder;
import io.ordo.order.api.commands.DeliverOrder;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.commands.RecordPayment;
import io.ordo.order.api.commands.RefundPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.RemoveOrderLine;
import io.ordo.order.api.commands.RequestPayment;
import io.ordo.order.api.commands.ShipOrder;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The order's rules, one scenario per test. Expected events spell out amounts at the scale the aggregate records them
 * (the currency's minor units, so EUR 9.5 is recorded as 9.50), because a change of scale changes what projections and
 * clients see.
 */
class OrderTest {

    private static final String ORDER_ID = "order-1";
    private static final String CUSTOMER_ID = "customer-1";
    private static final String EUR = "EUR";
    private static final ShippingAddress ADDRESS =
            new ShippingAddress("Ada Lovelace", "12 Analytical Street", "10115", "Berlin", "DE");

    // the order most scenarios start from: 2 x 10.00 + 1 x 5.50 = 25.50 EUR
    private static final OrderLine BOOK = line("book", 2, "10.00");
    private static final OrderLine PEN = line("pen", 1, "5.50");
    private static final OrderPlaced PLACED =
            new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK, PEN), ADDRESS, amount("25.50"));
    private static final OrderConfirmed CONFIRMED =
            new OrderConfirmed(ORDER_ID, amount("25.50"), EUR, List.of(BOOK, PEN));
    private static final OrderShipped SHIPPED = new OrderShipped(ORDER_ID, "DHL", "TRACK-1");
    private static final OrderDelivered DELIVERED = new OrderDelivered(ORDER_ID);
    private static final OrderCancelled CANCELLED = new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PLACED);
    private static final PaymentRequested PAYMENT_REQUESTED = new PaymentRequested(ORDER_ID, amount("25.50"), EUR);
    private static final OrderPaid PAID = new OrderPaid(ORDER_ID, "psp-1", amount("25.50"), EUR);
    private static final OrderCancelled CANCELLED_WHILE_CONFIRMED =
            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.CONFIRMED);
    private static final OrderCancelled CANCELLED_WHILE_PAID =
            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PAID);
    private static final RefundRequested REFUND_REQUESTED =
            new RefundRequested(ORDER_ID, "psp-1", amount("25.50"), EUR);

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Nested
    class PlacingAnOrder {

        @Test
        void rejectsACurrencyWithoutMinorUnits() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("XAU", line("gold", 1, "1.5")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("XAU is not a currency for prices"))
                    .expectNoEvents();
        }

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
        void rejectsAnUnknownSalesChannel() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS, "fax"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("salesChannel"))
                    .expectNoEvents();
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
        void rejectsAQuantityOfZero() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 0, "10.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeQuantity() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", -1, "10.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAQuantityAboveTenThousand() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 10_001, "10.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void acceptsAFreeLine() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("sample", 1, "0")))
                    .expectEvents(placed(amount("0.00"), line("sample", 1, "0.00")));
        }

        @Test
        void rejectsANegativeUnitPrice() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 1, "-0.01")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("negative"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingUnitPrice() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(new OrderLine("book", "Book", 1, null)))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("unitPrice"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceWithMoreThanTwoDecimals() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 1, "9.995")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("decimals"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceFinerThanTheCurrencysMinorUnit() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("JPY", line("book", 1, "1.5")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("JPY"))
                    .expectNoEvents();
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
        void rejectsMoreThanTwoDecimalsEvenWhereTheCurrencyHasThreeMinorUnits() {
            // the house rule caps prices at cents, even for dinars that have fils
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("KWD", line("book", 1, "1.125")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("decimals"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnUnknownCurrency() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("XYZ", BOOK))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("unknown currency: XYZ"))
                    .expectNoEvents();
        }

        @Test
        void rejectsALowerCaseCurrencyCode() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("eur", BOOK))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("ISO 4217"))
                    .expectNoEvents();
        }

        @Test
        void rejectsACurrencyCodeThatIsNotThreeLetters() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn("EURO", BOOK))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("ISO 4217"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingCurrency() {
            fixture.givenNoPriorActivity()
                    .when(placeOrderIn(null, BOOK))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("currency"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnOrderWithoutLines() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder())
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("at least one line"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnOrderWhoseLinesAreMissing() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, null, ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("at least one line"))
                    .expectNoEvents();
        }

        @Test
        void acceptsOneHundredLines() {
            List<OrderLine> lines = productsAtOneEuro(100);
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, lines, ADDRESS))
                    .expectEvents(new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, lines, ADDRESS, amount("100.00")))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void rejectsOneHundredAndOneLines() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, productsAtOneEuro(101), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("at most 100 lines"))
                    .expectNoEvents();
        }

        @Test
        void rejectsTwoLinesForTheSameProduct() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(line("book", 1, "10.00"), line("book", 2, "10.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("one line per product"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnEmptyLine() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, Arrays.asList(BOOK, null), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("line must not be empty"))
                    .expectNoEvents();
        }

        @Test
        void rejectsALineWithoutProductId() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(new OrderLine(" ", "Book", 1, amount("10.00"))))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsALineWithoutProductName() {
            fixture.givenNoPriorActivity()
                    .when(placeOrder(new OrderLine("book", "", 1, amount("10.00"))))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productName"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankOrderId() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(" ", CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("orderId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankCustomerId() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, "  ", EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("customerId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingCustomerId() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, null, EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("customerId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingShippingAddress() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("shipping address"))
                    .expectNoEvents();
        }
    }

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
        void rejectsAnotherQuantityForAProductAlreadyOnTheOrder() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("book", 5, "10.00")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("already has a line for product book"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnotherPriceForAProductAlreadyOnTheOrder() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("book", 2, "9.00")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("already has a line for product book"))
                    .expectNoEvents();
        }

        @Test
        void acceptsTheMaximumQuantityOfTenThousand() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 10_000, "1.00")))
                    .expectEvents(new OrderLineAdded(ORDER_ID, line("lamp", 10_000, "1.00"), amount("10025.50"), 3));
        }

        @Test
        void rejectsAQuantityOfZero() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 0, "1.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAQuantityAboveTenThousand() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 10_001, "1.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeUnitPrice() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "-1.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("negative"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceWithMoreThanTwoDecimals() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "0.001")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("decimals"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceFinerThanTheOrdersCurrencyAllows() {
            fixture.given(new OrderPlaced(
                            ORDER_ID, CUSTOMER_ID, "JPY", List.of(line("book", 1, "1500")), ADDRESS, amount("1500")))
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "0.50")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("JPY"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingLine() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("line must not be empty"))
                    .expectNoEvents();
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

        @Test
        void rejectsAddingALineToAConfirmedOrder() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "7.25")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAddingALineToACancelledOrder() {
            fixture.given(PLACED, CANCELLED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "7.25")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
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

        @Test
        void rejectsRemovingALineFromAConfirmedOrder() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RemoveOrderLine(ORDER_ID, "book"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsRemovingALineFromAShippedOrder() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new RemoveOrderLine(ORDER_ID, "book"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingALinesQuantity {

        @Test
        void aQuantityOutOfRangeIsInvalidInputWhateverTheOrdersState() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 0))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity must be between 1 and 10000"))
                    .expectNoEvents();
        }

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

        @Test
        void rejectsAQuantityOfZero() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 0))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAQuantityAboveTenThousand() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 10_001))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }

        @Test
        void rejectsChangingAProductThatIsNotOnTheOrder() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "lamp", 3))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("no line for product lamp"))
                    .expectNoEvents();
        }

        @Test
        void rejectsChangingAQuantityOnAConfirmedOrder() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 5))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsChangingAQuantityOnACancelledOrder() {
            fixture.given(PLACED, CANCELLED)
                    .when(new ChangeLineQuantity(ORDER_ID, "book", 5))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only while PLACED"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ConfirmingAnOrder {

        @Test
        void confirmsAPlacedOrderWithItsTotalAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(CONFIRMED)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void confirmsTheTotalAsChangedByEarlierLineChanges() {
            fixture.given(
                            PLACED,
                            new OrderLineAdded(ORDER_ID, line("lamp", 1, "7.25"), amount("32.75"), 3),
                            new OrderLineQuantityChanged(ORDER_ID, "book", 1, amount("22.75")),
                            new OrderLineRemoved(ORDER_ID, "pen", amount("17.25"), 2))
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectEvents(new OrderConfirmed(
                            ORDER_ID, amount("17.25"), EUR, List.of(line("book", 1, "10.00"), line("lamp", 1, "7.25"))))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void confirmingAConfirmedOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void rejectsConfirmingAnOrderWhoseLinesWereAllRemoved() {
            fixture.given(
                            PLACED,
                            new OrderLineRemoved(ORDER_ID, "book", amount("5.50"), 1),
                            new OrderLineRemoved(ORDER_ID, "pen", amount("0.00"), 0))
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("no lines"))
                    .expectNoEvents();
        }

        @Test
        void rejectsConfirmingAShippedOrder() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PLACED order can confirm"))
                    .expectNoEvents();
        }

        @Test
        void rejectsConfirmingACancelledOrder() {
            fixture.given(PLACED, CANCELLED)
                    .when(new ConfirmOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PLACED order can confirm"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ShippingAnOrder {

        @Test
        void rejectsShippingAShippedOrderAgainWithAnotherTrackingNumber() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-2"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("is SHIPPED"))
                    .expectNoEvents();
        }

        @Test
        void shipsAPaidOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(SHIPPED)
                    .expectResultMessagePayload(4L);
        }

        @Test
        void shippingAShippedOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectsShippingAnUnconfirmedOrder() {
            fixture.given(PLACED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PAID order can ship"))
                    .expectNoEvents();
        }

        @Test
        void rejectsShippingACancelledOrder() {
            fixture.given(PLACED, CONFIRMED, new OrderCancelled(ORDER_ID, "out of stock", OrderStatus.CONFIRMED))
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PAID order can ship"))
                    .expectNoEvents();
        }

        @Test
        void rejectsShippingADeliveredOrder() {
            fixture.given(PLACED, CONFIRMED, SHIPPED, DELIVERED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PAID order can ship"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankCarrier() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ShipOrder(ORDER_ID, " ", "TRACK-1"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("carrier"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingCarrier() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ShipOrder(ORDER_ID, null, "TRACK-1"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("carrier"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankTrackingNumber() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ShipOrder(ORDER_ID, "DHL", ""))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("trackingNumber"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DeliveringAnOrder {

        @Test
        void deliversAShippedOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(DELIVERED)
                    .expectResultMessagePayload(3L);
        }

        @Test
        void deliveringADeliveredOrderIsANoOp() {
            fixture.given(PLACED, CONFIRMED, SHIPPED, DELIVERED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void rejectsDeliveringAPlacedOrder() {
            fixture.given(PLACED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a SHIPPED order can deliver"))
                    .expectNoEvents();
        }

        @Test
        void rejectsDeliveringAnUnshippedOrder() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a SHIPPED order can deliver"))
                    .expectNoEvents();
        }

        @Test
        void rejectsDeliveringACancelledOrder() {
            fixture.given(PLACED, CANCELLED)
                    .when(new DeliverOrder(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a SHIPPED order can deliver"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CancellingAnOrder {

        @Test
        void cancelsAPlacedOrderAndReturnsTheNewVersion() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PLACED))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void cancelsAConfirmedOrderRecordingThatItWasConfirmed() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new CancelOrder(ORDER_ID, "out of stock"))
                    .expectEvents(new OrderCancelled(ORDER_ID, "out of stock", OrderStatus.CONFIRMED))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void cancellingACancelledOrderIsANoOp() {
            fixture.given(PLACED, CANCELLED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void rejectsCancellingAShippedOrder() {
            fixture.given(PLACED, CONFIRMED, SHIPPED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("can no longer be cancelled"))
                    .expectNoEvents();
        }

        @Test
        void rejectsCancellingADeliveredOrder() {
            fixture.given(PLACED, CONFIRMED, SHIPPED, DELIVERED)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("can no longer be cancelled"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankReason() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER_ID, "   "))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("reason"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMissingReason() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER_ID, null))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("reason"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RequestingPayment {

        @Test
        void asksForTheOrderTotalOnceConfirmed() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectEvents(PAYMENT_REQUESTED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void requestingTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectsRequestingPaymentForAPlacedOrder() {
            fixture.given(PLACED)
                    .when(new RequestPayment(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a CONFIRMED order can request payment"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingThePaymentProvidersAnswer {

        @Test
        void anAuthorizedPaymentOfTheTotalMakesTheOrderPaid() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.5")))
                    .expectEvents(PAID)
                    .expectResultMessagePayload(3L);
        }

        @Test
        void aDeclinedPaymentIsRecorded() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.DECLINED, amount("25.50")))
                    .expectEvents(new PaymentDeclined(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void anOrderWhosePaymentWasDeclinedStaysConfirmedUntilRejected() {
            fixture.given(
                            PLACED,
                            CONFIRMED,
                            PAYMENT_REQUESTED,
                            new PaymentDeclined(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .when(new RejectOrder(ORDER_ID, "PAYMENT_DECLINED"))
                    .expectEvents(new OrderRejected(ORDER_ID, "PAYMENT_DECLINED"));
        }

        @Test
        void theSameDeliveryTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void rejectsAnAmountThatIsNotTheOrderTotal() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("20.00")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("does not match the order total of 25.50 EUR"))
                    .expectNoEvents();
        }

        @Test
        void rejectsASecondAnswerWithAnotherReference() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RecordPayment(ORDER_ID, "psp-2", PaymentOutcome.AUTHORIZED, amount("25.50")))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsTheSameReferenceWithAnotherOutcome() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.DECLINED, amount("25.50")))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAPaymentThatWasNeverRequested() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("no payment has been requested"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPaymentForACancelledOrder() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, CANCELLED_WHILE_CONFIRMED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("25.50")))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("is CANCELLED"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANegativeAmountAsInvalidInput() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, amount("-25.50")))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RejectingAnOrder {

        @Test
        void rejectsAConfirmedOrderWithTheReason() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RejectOrder(ORDER_ID, "OUT_OF_STOCK book"))
                    .expectEvents(new OrderRejected(ORDER_ID, "OUT_OF_STOCK book"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectingTwiceIsANoOp() {
            fixture.given(PLACED, CONFIRMED, new OrderRejected(ORDER_ID, "OUT_OF_STOCK book"))
                    .when(new RejectOrder(ORDER_ID, "PAYMENT_DECLINED"))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aCancelledOrderCannotBeRejected() {
            fixture.given(PLACED, CONFIRMED, CANCELLED_WHILE_CONFIRMED)
                    .when(new RejectOrder(ORDER_ID, "OUT_OF_STOCK book"))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }

        @Test
        void aRejectedOrderCannotBeCancelled() {
            fixture.given(PLACED, CONFIRMED, new OrderRejected(ORDER_ID, "OUT_OF_STOCK book"))
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("can no longer be cancelled"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PaymentTimeOut {

        @Test
        void cancelsAnOrderWhosePaymentHasNotArrived() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectEvents(new OrderCancelled(ORDER_ID, "payment timeout", OrderStatus.CONFIRMED))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void leavesAnOrderThatWasPaidInTheMeantime() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void leavesAnOrderThatWasAlreadyCancelled() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, CANCELLED_WHILE_CONFIRMED)
                    .when(new CancelUnpaidOrder(ORDER_ID, "payment timeout"))
                    .expectNoEvents();
        }
    }

    @Nested
    class CancellingAPaidOrder {

        @Test
        void cancellingAPaidOrderRequestsARefundOfThePayment() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectEvents(
                            new OrderCancelled(ORDER_ID, "changed my mind", OrderStatus.PAID),
                            new RefundRequested(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void recordsTheRefundOnce() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID, CANCELLED_WHILE_PAID, REFUND_REQUESTED)
                    .when(new RefundPayment(ORDER_ID))
                    .expectEvents(new PaymentRefunded(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void refundingTwiceIsANoOp() {
            fixture.given(
                            PLACED,
                            CONFIRMED,
                            PAYMENT_REQUESTED,
                            PAID,
                            CANCELLED_WHILE_PAID,
                            REFUND_REQUESTED,
                            new PaymentRefunded(ORDER_ID, "psp-1", amount("25.50"), EUR))
                    .when(new RefundPayment(ORDER_ID))
                    .expectNoEvents()
                    .expectResultMessagePayload(6L);
        }

        @Test
        void rejectsARefundThatIsNotOwed() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new RefundPayment(ORDER_ID))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("owes no refund"))
                    .expectNoEvents();
        }
    }

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

    @Nested
    class OrdersConfirmedBeforeFulfilment {

        private static final OrderConfirmed CONFIRMED_BEFORE_FULFILMENT =
                new OrderConfirmed(ORDER_ID, amount("25.50"), EUR, null);

        @Test
        void stillShipWithoutAPayment() {
            fixture.given(PLACED, CONFIRMED_BEFORE_FULFILMENT)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectEvents(SHIPPED)
                    .expectResultMessagePayload(2L);
        }

        @Test
        void anOrderConfirmedSinceNeedsItsPaymentToShip() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK-1"))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("only a PAID order can ship"))
                    .expectNoEvents();
        }
    }

    /** What the web layer checks is checked again here, so a command from any path stores only what projections hold. */
    @Nested
    class BoundedInput {

        private static final String TOO_LONG_ID = "c".repeat(300);

        @Test
        void rejectsACustomerIdOfThreeHundredCharactersWithoutQuotingIt() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, TOO_LONG_ID, EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("customerId must be 1 to 64"))
                    .expectExceptionMessage(not(containsString(TOO_LONG_ID)))
                    .expectNoEvents();
        }

        @Test
        void rejectsACustomerIdWithCharactersOutsideTheSafeSet() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, "ada@example.com", EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("customerId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnOrderIdWithAPathSeparator() {
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder("order/1", CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("orderId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnAddressLineLongerThanItsColumn() {
            ShippingAddress longStreet = new ShippingAddress("Ada", "s".repeat(201), "10115", "Berlin", "DE");
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), longStreet))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("shippingAddress.street must be at most 200"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnAddressWithANulCharacter() {
            ShippingAddress nul = new ShippingAddress("Ada\u0000", "1 Main St", "10115", "Berlin", "DE");
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), nul))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("shippingAddress.name"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankCountry() {
            ShippingAddress noCountry = new ShippingAddress("Ada", "1 Main St", "10115", "Berlin", " ");
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), noCountry))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("shippingAddress.country"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAProductNameLongerThanTwoHundredCharacters() {
            OrderLine longName = new OrderLine("lamp", "n".repeat(201), 1, amount("1.00"));
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, longName))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productName must be at most 200"))
                    .expectNoEvents();
        }

        @Test
        void rejectsALineWhoseProductIdIsNotAnIdentifier() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp shade", 1, "1.00")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productId"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceOfAHugeExponentAsInvalidInput() {
            OrderLine huge = new OrderLine("lamp", "Lamp", 1, new BigDecimal("1e100000000"));
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, huge))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("15 integer digits"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAUnitPriceOfSixteenIntegerDigits() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 1, "1000000000000000")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("15 integer digits"))
                    .expectNoEvents();
        }

        @Test
        void rejectsALineThatWouldTakeTheTotalBeyondFifteenIntegerDigits() {
            fixture.given(PLACED)
                    .when(new AddOrderLine(ORDER_ID, line("lamp", 10_000, "999999999999.99")))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAQuantityChangeThatWouldTakeTheTotalBeyondFifteenIntegerDigits() {
            OrderLine expensive = line("lamp", 1, "999999999999.99");
            fixture.given(placed(amount("999999999999.99"), expensive))
                    .when(new ChangeLineQuantity(ORDER_ID, "lamp", 10_000))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAPaymentAmountOfAHugeExponentAsInvalidInput() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(
                            ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, new BigDecimal("1e-100000000")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("decimals"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAProviderReferenceThatIsNotAnIdentifier() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED)
                    .when(new RecordPayment(ORDER_ID, "r".repeat(65), PaymentOutcome.AUTHORIZED, amount("25.50")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("providerReference"))
                    .expectNoEvents();
        }

        @Test
        void rejectsACarrierLongerThanOneHundredCharacters() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new ShipOrder(ORDER_ID, "d".repeat(101), "TRACK-1"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("carrier must be at most 100"))
                    .expectNoEvents();
        }

        @Test
        void rejectsATrackingNumberWithAControlCharacter() {
            fixture.given(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID)
                    .when(new ShipOrder(ORDER_ID, "DHL", "TRACK\n1"))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("trackingNumber"))
                    .expectNoEvents();
        }

        @Test
        void rejectsACancelReasonLongerThanItsColumn() {
            fixture.given(PLACED)
                    .when(new CancelOrder(ORDER_ID, "r".repeat(501)))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("reason must be at most 500"))
                    .expectNoEvents();
        }

        @Test
        void rejectsARejectionReasonLongerThanItsColumn() {
            fixture.given(PLACED, CONFIRMED)
                    .when(new RejectOrder(ORDER_ID, "r".repeat(501)))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAProductIdInAQuantityChangeThatIsNotAnIdentifier() {
            fixture.given(PLACED)
                    .when(new ChangeLineQuantity(ORDER_ID, "p".repeat(65), 1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productId"))
                    .expectNoEvents();
        }

        @Test
        void quotesAnUnknownSalesChannelOnlyInPart() {
            String channel = "x".repeat(10_000);
            fixture.givenNoPriorActivity()
                    .when(new PlaceOrder(ORDER_ID, CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS, channel))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(not(containsString(channel.substring(0, 100))))
                    .expectNoEvents();
        }

        @Test
        void anOrderWhosePaymentWasRequestedAboveTodaysBoundsStillLoads() {
            OrderLine expensive = line("yacht", 1, "10000000000000000.00");
            BigDecimal total = amount("10000000000000000.00");
            fixture.given(
                            placed(total, expensive),
                            new OrderConfirmed(ORDER_ID, total, EUR, List.of(expensive)),
                            new PaymentRequested(ORDER_ID, total, EUR))
                    .when(new CancelOrder(ORDER_ID, "changed my mind"))
                    .expectEvents(CANCELLED_WHILE_CONFIRMED);
        }
    }

    private static PlaceOrder placeOrder(OrderLine... lines) {
        return placeOrderIn(EUR, lines);
    }

    private static PlaceOrder placeOrderIn(String currency, OrderLine... lines) {
        return new PlaceOrder(ORDER_ID, CUSTOMER_ID, currency, List.of(lines), ADDRESS);
    }

    private static OrderPlaced placed(BigDecimal total, OrderLine... lines) {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, EUR, List.of(lines), ADDRESS, total);
    }

    private static OrderLine line(String productId, int quantity, String unitPrice) {
        return new OrderLine(productId, "Product " + productId, quantity, new BigDecimal(unitPrice));
    }

    private static List<OrderLine> productsAtOneEuro(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> line("product-" + i, 1, "1.00"))
                .toList();
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
