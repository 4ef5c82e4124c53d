package io.ordo.inventory.command;

import static org.hamcrest.Matchers.containsString;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductLimits;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.ProductRestocked;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReservationRejected;
import io.ordo.inventory.api.StockReserved;
import io.ordo.inventory.api.StockShortage;
import io.ordo.inventory.api.commands.ChangeProductPrice;
import io.ordo.inventory.api.commands.CommitStock;
import io.ordo.inventory.api.commands.RegisterProduct;
import io.ordo.inventory.api.commands.ReserveStock;
import io.ordo.inventory.api.commands.RestockProduct;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stock at its edges (exactly what is there, nothing, the most a product may hold) and the version every command
 * answers, which a client sends back as If-Match; PIT showed these went unchecked.
 */
class ProductStockBoundaryTest {

    private static final String MUG = "mug";
    private static final int MAX = ProductLimits.MAX_UNITS;
    private static final BigDecimal PRICE = new BigDecimal("9.50");
    private static final ProductRegistered REGISTERED = new ProductRegistered(MUG, "Mug", PRICE, "EUR", 10);

    // 10 registered; order-1 took 3 and they left (committed); order-2 holds 2: 5 available, 2 reserved, 3 committed
    private static final Object[] HOLDING_TEN = {
        REGISTERED,
        new StockReserved(MUG, "order-1", 3, 7, 3),
        new StockCommitted(MUG, "order-1", 3, 0, 3),
        new StockReserved(MUG, "order-2", 2, 5, 2)
    };

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void registersAProductHoldingTheMostAProductMay() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(MUG, "Mug", PRICE, "EUR", MAX))
                .expectEvents(new ProductRegistered(MUG, "Mug", PRICE, "EUR", MAX));
    }

    @Test
    void restocksUpToTheMostAProductMayHoldCountingReservedAndCommittedUnits() {
        fixture.given(HOLDING_TEN)
                .when(new RestockProduct(MUG, MAX - 10))
                .expectEvents(new ProductRestocked(MUG, MAX - 10, 5 + MAX - 10))
                .expectResultMessagePayload(4L);
    }

    @Test
    void refusesARestockOneUnitBeyondTheMost() {
        fixture.given(HOLDING_TEN)
                .when(new RestockProduct(MUG, MAX - 9))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("more than " + MAX))
                .expectNoEvents();
    }

    @Test
    void reservesExactlyWhatIsAvailable() {
        fixture.given(REGISTERED)
                .when(new ReserveStock(MUG, "order-1", 10))
                .expectEvents(new StockReserved(MUG, "order-1", 10, 0, 10))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesOneUnitMoreThanIsAvailableAndAnswersTheVersionOfTheRefusal() {
        fixture.given(REGISTERED)
                .when(new ReserveStock(MUG, "order-1", 11))
                .expectEvents(new StockReservationRejected(MUG, "order-1", 11, 10, StockShortage.OUT_OF_STOCK))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesAnyReservationWhenNothingIsAvailable() {
        fixture.given(REGISTERED, new StockReserved(MUG, "order-1", 10, 0, 10))
                .when(new ReserveStock(MUG, "order-2", 1))
                .expectEvents(new StockReservationRejected(MUG, "order-2", 1, 0, StockShortage.OUT_OF_STOCK))
                .expectResultMessagePayload(2L);
    }

    @Test
    void restockedUnitsCanBeReserved() {
        fixture.given(REGISTERED, new ProductRestocked(MUG, 5, 15))
                .when(new ReserveStock(MUG, "order-1", 15))
                .expectEvents(new StockReserved(MUG, "order-1", 15, 0, 15));
    }

    @Test
    void committingAnswersTheNewVersion() {
        fixture.given(REGISTERED, new StockReserved(MUG, "order-1", 3, 7, 3))
                .when(new CommitStock(MUG, "order-1"))
                .expectEvents(new StockCommitted(MUG, "order-1", 3, 0, 3))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theSamePriceAgainRecordsNothingAndAnswersTheCurrentVersion() {
        fixture.given(REGISTERED, new ProductRestocked(MUG, 5, 15))
                .when(new ChangeProductPrice(MUG, new BigDecimal("9.5")))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aDiscontinuedProductKeepsItsPrice() {
        fixture.given(REGISTERED, new ProductDiscontinued(MUG))
                .when(new ChangeProductPrice(MUG, new BigDecimal("12.00")))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("discontinued"))
                .expectNoEvents();
    }
}
