package io.ordo.inventory.command;

import static org.hamcrest.Matchers.containsString;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductPriceChanged;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReleased;
import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.StockShortage;
import io.ordo.inventory.api.commands.ChangeProductPrice;
import io.ordo.inventory.api.commands.CommitStock;
import io.ordo.inventory.api.commands.DiscontinueProduct;
import io.ordo.inventory.api.commands.RegisterProduct;
import io.ordo.inventory.api.commands.ReleaseStock;
import io.ordo.inventory.api.commands.ReserveStock;
import io.ordo.inventory.api.commands.RestockProduct;
import java.math.BigDecimal;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The product's rules: the catalog entry, and stock that never goes negative and is held once per order. */
class ProductTest {

    private static final String MUG = "mug";
    private static final ProductRegistered REGISTERED = new ProductRegistered(MUG, "Mug", amount("9.50"), "EUR", 10);
    private static final StockReserved RESERVED_FOR_ORDER_1 = new StockReserved(MUG, "order-1", 3, 7, 3);

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Nested
    class RegisteringAProduct {

        @Test
        void registersAProductWithItsPriceAtTheCurrencysScale() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("9.5"), "EUR", 10))
                    .expectEvents(REGISTERED)
                    .expectResultMessagePayload(0L);
        }

        @Test
        void acceptsAProductWithNoStockYet() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("9.50"), "EUR", 0))
                    .expectEvents(new ProductRegistered(MUG, "Mug", amount("9.50"), "EUR", 0));
        }

        @Test
        void rejectsNegativeInitialStock() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("9.50"), "EUR", -1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("initialStock"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPriceFinerThanCents() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("9.505"), "EUR", 1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("decimals"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnUnknownCurrency() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("9.50"), "XYZ", 1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("XYZ"))
                    .expectNoEvents();
        }

        @Test
        void rejectsABlankName() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, " ", amount("9.50"), "EUR", 1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("name"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingTheCatalogEntry {

        @Test
        void restocksAndReportsTheNewAvailableStock() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new RestockProduct(MUG, 5))
                    .expectEvents(new ProductRestocked(MUG, 5, 12))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rejectsRestockingNothing() {
            fixture.given(REGISTERED)
                    .when(new RestockProduct(MUG, 0))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void changesThePriceInTheProductsCurrency() {
            fixture.given(REGISTERED)
                    .when(new ChangeProductPrice(MUG, amount("11")))
                    .expectEvents(new ProductPriceChanged(MUG, amount("11.00"), "EUR"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changingToTheCurrentPriceIsANoOp() {
            fixture.given(REGISTERED)
                    .when(new ChangeProductPrice(MUG, amount("9.5")))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void discontinuingTwiceIsANoOp() {
            fixture.given(REGISTERED, new ProductDiscontinued(MUG))
                    .when(new DiscontinueProduct(MUG))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void changesThePriceAtTheVersionTheCommandExpects() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ChangeProductPrice(MUG, amount("11"), 1L))
                    .expectEvents(new ProductPriceChanged(MUG, amount("11.00"), "EUR"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAChangeForAVersionTheProductHasMovedPast() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ChangeProductPrice(MUG, amount("11"), 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsRestockingADiscontinuedProduct() {
            fixture.given(REGISTERED, new ProductDiscontinued(MUG))
                    .when(new RestockProduct(MUG, 5))
                    .expectException(IllegalStateException.class)
                    .expectExceptionMessage(containsString("discontinued"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReservingStock {

        @Test
        void reservesForAnOrderAndReportsTheStockAfterwards() {
            fixture.given(REGISTERED)
                    .when(new ReserveStock(MUG, "order-1", 3))
                    .expectEvents(RESERVED_FOR_ORDER_1)
                    .expectResultMessagePayload(1L);
        }

        @Test
        void reservesTheLastUnits() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ReserveStock(MUG, "order-2", 7))
                    .expectEvents(new StockReserved(MUG, "order-2", 7, 0, 10));
        }

        @Test
        void recordsARejectionWhenTheStockDoesNotCoverTheOrder() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ReserveStock(MUG, "order-2", 8))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StockReservationRejected(MUG, "order-2", 8, 7, StockShortage.OUT_OF_STOCK));
        }

        @Test
        void recordsARejectionForADiscontinuedProduct() {
            fixture.given(REGISTERED, new ProductDiscontinued(MUG))
                    .when(new ReserveStock(MUG, "order-1", 1))
                    .expectEvents(new StockReservationRejected(MUG, "order-1", 1, 10, StockShortage.DISCONTINUED));
        }

        @Test
        void reservingAgainForTheSameOrderIsANoOp() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ReserveStock(MUG, "order-1", 3))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void rejectsAQuantityOfZero() {
            fixture.given(REGISTERED)
                    .when(new ReserveStock(MUG, "order-1", 0))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("quantity"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReleasingAndCommittingStock {

        @Test
        void releasesAReservationBackToTheAvailableStock() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ReleaseStock(MUG, "order-1"))
                    .expectEvents(new StockReleased(MUG, "order-1", 3, 10, 0))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void releasingAnUnknownReservationIsANoOp() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new ReleaseStock(MUG, "order-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void releasingTwiceIsANoOp() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1, new StockReleased(MUG, "order-1", 3, 10, 0))
                    .when(new ReleaseStock(MUG, "order-1"))
                    .expectNoEvents();
        }

        @Test
        void commitsAReservationWhenTheOrderShips() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1)
                    .when(new CommitStock(MUG, "order-1"))
                    .expectEvents(new StockCommitted(MUG, "order-1", 3, 0, 3));
        }

        @Test
        void committedStockCannotBeReleasedAnyMore() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1, new StockCommitted(MUG, "order-1", 3, 0, 3))
                    .when(new ReleaseStock(MUG, "order-1"))
                    .expectNoEvents();
        }

        @Test
        void aReleasedReservationCanBeMadeAgain() {
            fixture.given(REGISTERED, RESERVED_FOR_ORDER_1, new StockReleased(MUG, "order-1", 3, 10, 0))
                    .when(new ReserveStock(MUG, "order-1", 3))
                    .expectEvents(new StockReserved(MUG, "order-1", 3, 7, 3));
        }
    }

    /** What the web layer checks is checked again here, so a command from any path stores only what projections hold. */
    @Nested
    class BoundedInput {

        @Test
        void rejectsAProductIdThatIsNotAnIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct("m".repeat(65), "Mug", amount("9.50"), "EUR", 10))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("productId must be 1 to 64"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANameLongerThanTwoHundredCharacters() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "n".repeat(201), amount("9.50"), "EUR", 10))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("name must be at most 200"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANameWithANulCharacter() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug\u0000", amount("9.50"), "EUR", 10))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("control characters"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAPriceOfSixteenIntegerDigits() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterProduct(MUG, "Mug", amount("1000000000000000"), "EUR", 10))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("15 integer digits"))
                    .expectNoEvents();
        }

        @Test
        void rejectsANewPriceOfAHugeExponentAsInvalidInput() {
            fixture.given(REGISTERED)
                    .when(new ChangeProductPrice(MUG, amount("1e100000000")))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("15 integer digits"))
                    .expectNoEvents();
        }

        @Test
        void rejectsAReservationForAnOrderIdThatIsNotAnIdentifier() {
            fixture.given(REGISTERED)
                    .when(new ReserveStock(MUG, "order 1", 1))
                    .expectException(IllegalArgumentException.class)
                    .expectExceptionMessage(containsString("orderId"))
                    .expectNoEvents();
        }

        @Test
        void aProductPricedAboveTodaysBoundsStillLoadsAndTakesANewPrice() {
            fixture.given(new ProductRegistered(MUG, "Mug", amount("10000000000000000.00"), "EUR", 10))
                    .when(new ChangeProductPrice(MUG, amount("9.50")))
                    .expectEvents(new ProductPriceChanged(MUG, amount("9.50"), "EUR"));
        }
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
