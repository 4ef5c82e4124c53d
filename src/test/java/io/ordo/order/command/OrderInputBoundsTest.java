package io.ordo.order.command;

import static io.ordo.order.command.OrderFixture.ADDRESS;
import static io.ordo.order.command.OrderFixture.BOOK;
import static io.ordo.order.command.OrderFixture.CANCELLED_WHILE_CONFIRMED;
import static io.ordo.order.command.OrderFixture.CONFIRMED;
import static io.ordo.order.command.OrderFixture.CUSTOMER_ID;
import static io.ordo.order.command.OrderFixture.EUR;
import static io.ordo.order.command.OrderFixture.ORDER_ID;
import static io.ordo.order.command.OrderFixture.PAID;
import static io.ordo.order.command.OrderFixture.PAYMENT_REQUESTED;
import static io.ordo.order.command.OrderFixture.PLACED;
import static io.ordo.order.command.OrderFixture.amount;
import static io.ordo.order.command.OrderFixture.line;
import static io.ordo.order.command.OrderFixture.placed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.ordo.order.api.OrderConfirmed;
import io.ordo.order.api.OrderLine;
import io.ordo.order.api.PaymentOutcome;
import io.ordo.order.api.PaymentRequested;
import io.ordo.order.api.ShippingAddress;
import io.ordo.order.api.commands.AddOrderLine;
import io.ordo.order.api.commands.CancelOrder;
import io.ordo.order.api.commands.ChangeLineQuantity;
import io.ordo.order.api.commands.PlaceOrder;
import io.ordo.order.api.commands.RecordPayment;
import io.ordo.order.api.commands.RejectOrder;
import io.ordo.order.api.commands.ShipOrder;
import io.ordo.order.command.OrderFixture.RefusedCommand;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bounds on every input, checked by the aggregate whatever path the command came by. The scenarios start from {@link OrderFixture}'s order. */
class OrderInputBoundsTest {

    private final FixtureConfiguration<Order> fixture = OrderFixture.newFixture();

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
        void rejectsAQuantityChangeThatWouldTakeTheTotalBeyondFifteenIntegerDigits() {
            OrderLine expensive = line("lamp", 1, "999999999999.99");
            fixture.given(placed(amount("999999999999.99"), expensive))
                    .when(new ChangeLineQuantity(ORDER_ID, "lamp", 10_000))
                    .expectException(IllegalArgumentException.class)
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

        @ParameterizedTest(name = "{0}")
        @MethodSource("refusals")
        void refusesTheCommandAndRecordsNothing(RefusedCommand refusal) {
            refusal.assertRefusedBy(fixture);
        }

        static Stream<RefusedCommand> refusals() {
            return Stream.of(
                    RefusedCommand.invalid(
                            "rejectsACustomerIdWithCharactersOutsideTheSafeSet",
                            List.of(),
                            new PlaceOrder(ORDER_ID, "ada@example.com", EUR, List.of(BOOK), ADDRESS),
                            "customerId"),
                    RefusedCommand.invalid(
                            "rejectsAnOrderIdWithAPathSeparator",
                            List.of(),
                            new PlaceOrder("order/1", CUSTOMER_ID, EUR, List.of(BOOK), ADDRESS),
                            "orderId"),
                    RefusedCommand.invalid(
                            "rejectsAnAddressLineLongerThanItsColumn",
                            List.of(),
                            new PlaceOrder(
                                    ORDER_ID,
                                    CUSTOMER_ID,
                                    EUR,
                                    List.of(BOOK),
                                    new ShippingAddress("Ada", "s".repeat(201), "10115", "Berlin", "DE")),
                            "shippingAddress.street must be at most 200"),
                    RefusedCommand.invalid(
                            "rejectsAnAddressWithANulCharacter",
                            List.of(),
                            new PlaceOrder(
                                    ORDER_ID,
                                    CUSTOMER_ID,
                                    EUR,
                                    List.of(BOOK),
                                    new ShippingAddress("Ada\u0000", "1 Main St", "10115", "Berlin", "DE")),
                            "shippingAddress.name"),
                    RefusedCommand.invalid(
                            "rejectsABlankCountry",
                            List.of(),
                            new PlaceOrder(
                                    ORDER_ID,
                                    CUSTOMER_ID,
                                    EUR,
                                    List.of(BOOK),
                                    new ShippingAddress("Ada", "1 Main St", "10115", "Berlin", " ")),
                            "shippingAddress.country"),
                    RefusedCommand.invalid(
                            "rejectsAProductNameLongerThanTwoHundredCharacters",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, new OrderLine("lamp", "n".repeat(201), 1, amount("1.00"))),
                            "productName must be at most 200"),
                    RefusedCommand.invalid(
                            "rejectsALineWhoseProductIdIsNotAnIdentifier",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp shade", 1, "1.00")),
                            "productId"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceOfAHugeExponentAsInvalidInput",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, new OrderLine("lamp", "Lamp", 1, new BigDecimal("1e100000000"))),
                            "15 integer digits"),
                    RefusedCommand.invalid(
                            "rejectsAUnitPriceOfSixteenIntegerDigits",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 1, "1000000000000000")),
                            "15 integer digits"),
                    RefusedCommand.invalid(
                            "rejectsALineThatWouldTakeTheTotalBeyondFifteenIntegerDigits",
                            List.of(PLACED),
                            new AddOrderLine(ORDER_ID, line("lamp", 10_000, "999999999999.99")),
                            null),
                    RefusedCommand.invalid(
                            "rejectsAPaymentAmountOfAHugeExponentAsInvalidInput",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED),
                            new RecordPayment(
                                    ORDER_ID, "psp-1", PaymentOutcome.AUTHORIZED, new BigDecimal("1e-100000000")),
                            "decimals"),
                    RefusedCommand.invalid(
                            "rejectsAProviderReferenceThatIsNotAnIdentifier",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED),
                            new RecordPayment(ORDER_ID, "r".repeat(65), PaymentOutcome.AUTHORIZED, amount("25.50")),
                            "providerReference"),
                    RefusedCommand.invalid(
                            "rejectsACarrierLongerThanOneHundredCharacters",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID),
                            new ShipOrder(ORDER_ID, "d".repeat(101), "TRACK-1"),
                            "carrier must be at most 100"),
                    RefusedCommand.invalid(
                            "rejectsATrackingNumberWithAControlCharacter",
                            List.of(PLACED, CONFIRMED, PAYMENT_REQUESTED, PAID),
                            new ShipOrder(ORDER_ID, "DHL", "TRACK\n1"),
                            "trackingNumber"),
                    RefusedCommand.invalid(
                            "rejectsACancelReasonLongerThanItsColumn",
                            List.of(PLACED),
                            new CancelOrder(ORDER_ID, "r".repeat(501)),
                            "reason must be at most 500"),
                    RefusedCommand.invalid(
                            "rejectsARejectionReasonLongerThanItsColumn",
                            List.of(PLACED, CONFIRMED),
                            new RejectOrder(ORDER_ID, "r".repeat(501)),
                            null),
                    RefusedCommand.invalid(
                            "rejectsAProductIdInAQuantityChangeThatIsNotAnIdentifier",
                            List.of(PLACED),
                            new ChangeLineQuantity(ORDER_ID, "p".repeat(65), 1),
                            "productId"));
        }
    }
}
