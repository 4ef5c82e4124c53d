package io.ordo.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.ordo.analytics.api.AnalyticsSummary;
import io.ordo.analytics.api.CustomerFigures;
import io.ordo.analytics.api.FindCustomers;
import io.ordo.analytics.api.FindFulfilmentTimes;
import io.ordo.analytics.api.FindFunnel;
import io.ordo.analytics.api.FindSales;
import io.ordo.analytics.api.FindStockAlerts;
import io.ordo.analytics.api.FindSummary;
import io.ordo.analytics.api.FindTopProducts;
import io.ordo.analytics.api.FulfilmentTimes;
import io.ordo.analytics.api.Funnel;
import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.api.SalesFigures;
import io.ordo.analytics.api.StockAlerts;
import io.ordo.analytics.api.TimeWindow;
import io.ordo.analytics.api.TopProducts;
import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductRegistered;
import io.ordo.inventory.api.StockCommitted;
import io.ordo.inventory.api.StockReserved;
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
import io.ordo.order.api.ShippingAddress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics figures, by calling the projection's handlers as the processor would and asking its queries; run on
 * H2 ({@link AnalyticsProjectionTest}) and PostgreSQL ({@link AnalyticsPostgresIT}), whose SQL must agree.
 * {@code @Transactional} is here because Spring looks for it on the class that declares a test method: in the H2
 * slice each test is rolled back; without Spring (PostgreSQL) it means nothing.
 */
@Transactional
abstract class AnalyticsFiguresContract {

    private static final Instant DAY = Instant.parse("2025-03-03T00:00:00Z");
    private static final TimeWindow THAT_DAY = new TimeWindow(DAY, DAY.plus(Duration.ofDays(1)));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "1000", "Brussels", "BE");

    /** Set by the database's test: Spring's, or one made on a PostgreSQL database. */
    @Autowired
    AnalyticsProjection projection;

    @Test
    void countsSalesPerBucketAndCurrencyLeavingLostOrdersOutOfRevenue() {
        place("o-1", "c-1", "EUR", "10.00", at(9, 0, 10));
        place("o-2", "c-2", "EUR", "30.00", at(9, 0, 50));
        place("o-3", "c-1", "USD", "7.00", at(9, 1, 0));
        place("o-4", "c-3", "EUR", "99.00", at(10, 30, 0));
        projection.on(new OrderCancelled("o-4", "changed my mind", OrderStatus.PLACED), 1, at(10, 31, 0));

        SalesFigures byMinute = projection.handle(new FindSales(THAT_DAY, Granularity.MINUTE));
        SalesFigures byHour = projection.handle(new FindSales(THAT_DAY, Granularity.HOUR));
        SalesFigures byDay = projection.handle(new FindSales(THAT_DAY, Granularity.DAY));

        assertThat(byMinute.buckets())
                .extracting(
                        b -> tuple(b.start(), b.currency(), b.orders(), b.lost(), b.revenue(), b.averageOrderValue()))
                .containsExactly(
                        tuple(at(9, 0, 0), "EUR", 2L, 0L, money("40.00"), money("20.00")),
                        tuple(at(9, 1, 0), "USD", 1L, 0L, money("7.00"), money("7.00")),
                        tuple(at(10, 30, 0), "EUR", 1L, 1L, money("0.00"), money("0.00")));
        assertThat(byHour.buckets())
                .extracting(b -> tuple(b.start(), b.currency(), b.orders()))
                .containsExactly(
                        tuple(at(9, 0, 0), "EUR", 2L), tuple(at(9, 0, 0), "USD", 1L), tuple(at(10, 0, 0), "EUR", 1L));
        assertThat(byDay.buckets())
                .extracting(b -> tuple(b.start(), b.currency(), b.orders(), b.lost(), b.revenue()))
                .containsExactly(tuple(DAY, "EUR", 3L, 1L, money("40.00")), tuple(DAY, "USD", 1L, 0L, money("7.00")));
        AnalyticsSummary summary = projection.handle(new FindSummary(THAT_DAY));
        assertThat(summary.orders()).isEqualTo(4);
        assertThat(summary.currencies())
                .extracting(c -> tuple(c.currency(), c.orders(), c.revenue(), c.averageOrderValue()))
                .containsExactly(
                        tuple("EUR", 3L, money("40.00"), money("20.00")),
                        tuple("USD", 1L, money("7.00"), money("7.00")));
    }

    @Test
    void aWindowHoldsOnlyTheOrdersPlacedInIt() {
        place("early", "c-1", "EUR", "10.00", DAY.minusMillis(1));
        place("first", "c-1", "EUR", "20.00", DAY);
        place("late", "c-1", "EUR", "40.00", DAY.plus(Duration.ofDays(1)));

        assertThat(projection.handle(new FindSummary(THAT_DAY)).orders()).isEqualTo(1);
    }

    @Test
    void followsOrdersThroughTheFunnelAndCountsWhyTheyLeave() {
        place("delivered", "c-1", "EUR", "10.00", at(8, 0, 0));
        progress("delivered", at(8, 1, 0), 4);
        place("shipped", "c-1", "EUR", "10.00", at(8, 0, 0));
        progress("shipped", at(8, 1, 0), 3);
        place("out-of-stock", "c-2", "EUR", "10.00", at(8, 0, 0));
        projection.on(confirmed("out-of-stock"), 1, at(8, 1, 0));
        projection.on(new OrderRejected("out-of-stock", "OUT_OF_STOCK sku-1"), 2, at(8, 1, 1));
        place("declined", "c-2", "EUR", "10.00", at(8, 0, 0));
        projection.on(confirmed("declined"), 1, at(8, 1, 0));
        projection.on(new OrderRejected("declined", "PAYMENT_DECLINED"), 2, at(8, 2, 0));
        place("unpaid", "c-3", "EUR", "10.00", at(8, 0, 0));
        projection.on(confirmed("unpaid"), 1, at(8, 1, 0));
        projection.on(new OrderCancelled("unpaid", "payment timeout", OrderStatus.CONFIRMED), 2, at(8, 16, 0));

        Funnel funnel = projection.handle(new FindFunnel(THAT_DAY));

        assertThat(funnel.stages())
                .extracting(s -> tuple(s.step(), s.orders(), s.fromPrevious(), s.fromPlaced()))
                .containsExactly(
                        tuple("PLACED", 5L, new BigDecimal("1.0000"), new BigDecimal("1.0000")),
                        tuple("CONFIRMED", 5L, new BigDecimal("1.0000"), new BigDecimal("1.0000")),
                        tuple("PAID", 2L, new BigDecimal("0.4000"), new BigDecimal("0.4000")),
                        tuple("SHIPPED", 2L, new BigDecimal("1.0000"), new BigDecimal("0.4000")),
                        tuple("DELIVERED", 1L, new BigDecimal("0.5000"), new BigDecimal("0.2000")));
        assertThat(funnel.exits())
                .extracting(e -> tuple(e.kind(), e.fromStatus(), e.reason(), e.orders()))
                .containsExactlyInAnyOrder(
                        tuple("REJECTED", "CONFIRMED", "OUT_OF_STOCK", 1L),
                        tuple("REJECTED", "CONFIRMED", "PAYMENT_DECLINED", 1L),
                        tuple("CANCELLED", "CONFIRMED", "PAYMENT_TIMEOUT", 1L));
        assertThat(projection.handle(new FindSummary(THAT_DAY)).conversion()).isEqualByComparingTo("0.2");
    }

    /**
     * Nearest-rank percentiles of 20 times: the 10th and the 19th value (1..20 minutes to pay, 40..59 to ship), each
     * answered by the middle of its histogram bin, within 0.4 %.
     */
    @Test
    void givesPercentilesOfEachStepsTimeWithinTheHistogramsError() {
        for (int i = 1; i <= 20; i++) {
            String orderId = "timed-" + i;
            place(orderId, "c-1", "EUR", "10.00", at(6, 0, 0));
            projection.on(confirmed(orderId), 1, at(6, 0, 0));
            projection.on(new OrderPaid(orderId, "psp", BigDecimal.TEN, "EUR"), 2, at(6, i, 0));
            projection.on(new OrderShipped(orderId, "dhl", "t"), 3, at(7, 0, 0));
        }

        FulfilmentTimes times = projection.handle(new FindFulfilmentTimes(THAT_DAY));

        assertThat(times.steps())
                .extracting(s -> tuple(s.from(), s.to(), s.orders()))
                .containsExactly(
                        tuple("CONFIRMED", "PAID", 20L),
                        tuple("PAID", "SHIPPED", 20L),
                        tuple("SHIPPED", "DELIVERED", 0L));
        assertThat(times.steps().get(0).p50Millis()).isCloseTo(minutes(10), withinPercentage(0.4));
        assertThat(times.steps().get(0).p95Millis()).isCloseTo(minutes(19), withinPercentage(0.4));
        assertThat(times.steps().get(1).p50Millis()).isCloseTo(minutes(49), withinPercentage(0.4));
        assertThat(times.steps().get(1).p95Millis()).isCloseTo(minutes(58), withinPercentage(0.4));
        assertThat(times.steps().get(2).p50Millis()).isNull();
    }

    @Test
    void ranksProductsByUnitsAndByRevenueFollowingLineChanges() {
        projection.on(
                new OrderPlaced(
                        "o-1",
                        "c-1",
                        "EUR",
                        List.of(line("mug", "Mug", 2, "9.50"), line("tea", "Tea", 5, "1.00")),
                        ADDRESS,
                        new BigDecimal("24.00")),
                0,
                at(9, 0, 0));
        projection.on(
                new OrderLineAdded("o-1", line("pot", "Pot", 1, "30.00"), new BigDecimal("54.00"), 3), 1, at(9, 1, 0));
        projection.on(new OrderLineQuantityChanged("o-1", "tea", 8, new BigDecimal("57.00")), 2, at(9, 2, 0));
        projection.on(new OrderLineRemoved("o-1", "mug", new BigDecimal("38.00"), 2), 3, at(9, 3, 0));
        place("lost", "c-2", "EUR", "10.00", at(9, 0, 0));
        projection.on(new OrderCancelled("lost", "no", OrderStatus.PLACED), 1, at(9, 5, 0));

        TopProducts top = projection.handle(new FindTopProducts(THAT_DAY, 10));

        assertThat(top.byUnits())
                .extracting(p -> tuple(p.productId(), p.name(), p.units(), p.revenue()))
                .containsExactly(tuple("tea", "Tea", 8L, money("8.00")), tuple("pot", "Pot", 1L, money("30.00")));
        assertThat(top.byRevenue())
                .extracting(TopProducts.RankedProduct::productId)
                .containsExactly("pot", "tea");
        assertThat(projection.handle(new FindTopProducts(THAT_DAY, 1)).byUnits())
                .hasSize(1);
    }

    @Test
    void listsLowAndFullyReservedStockOfProductsOnSale() {
        projection.on(new ProductRegistered("plenty", "Plenty", BigDecimal.ONE, "EUR", 100), 0, DAY);
        projection.on(new ProductRegistered("few", "Few", BigDecimal.ONE, "EUR", 10), 0, DAY);
        projection.on(new StockReserved("few", "o-1", 7, 3, 7), 1, DAY);
        projection.on(new ProductRegistered("held", "Held", BigDecimal.ONE, "EUR", 4), 0, DAY);
        projection.on(new StockReserved("held", "o-1", 4, 0, 4), 1, DAY);
        projection.on(new ProductRegistered("gone", "Gone", BigDecimal.ONE, "EUR", 1), 0, DAY);
        projection.on(new StockReserved("gone", "o-2", 1, 0, 1), 1, DAY);
        projection.on(new StockCommitted("gone", "o-2", 1, 0, 1), 2, DAY);
        projection.on(new ProductRegistered("old", "Old", BigDecimal.ONE, "EUR", 0), 0, DAY);
        projection.on(new ProductDiscontinued("old"), 1, DAY);

        StockAlerts alerts = projection.handle(new FindStockAlerts(5, 10));

        assertThat(alerts.low())
                .extracting(p -> tuple(p.productId(), p.available(), p.reserved()))
                .containsExactly(tuple("gone", 0, 0), tuple("held", 0, 4), tuple("few", 3, 7));
        assertThat(alerts.fullyReserved())
                .extracting(StockAlerts.StockLevel::productId)
                .containsExactly("held");
    }

    @Test
    void summarisesEachCustomer() {
        place("o-1", "ada", "EUR", "10.00", at(9, 0, 0));
        place("o-2", "ada", "EUR", "15.00", at(11, 0, 0));
        place("o-3", "bob", "EUR", "5.00", at(10, 0, 0));

        CustomerFigures all = projection.handle(new FindCustomers(THAT_DAY, null, 10));
        CustomerFigures bob = projection.handle(new FindCustomers(THAT_DAY, "bob", 10));

        assertThat(all.customers())
                .extracting(c -> tuple(c.customerId(), c.orders(), c.revenue(), c.firstOrderAt(), c.lastOrderAt()))
                .containsExactly(
                        tuple("ada", 2L, money("25.00"), at(9, 0, 0), at(11, 0, 0)),
                        tuple("bob", 1L, money("5.00"), at(10, 0, 0), at(10, 0, 0)));
        assertThat(bob.customers())
                .extracting(CustomerFigures.CustomerTotals::customerId)
                .containsExactly("bob");
    }

    /** Buckets of several widths add up to the window: whole days, the hours beside them, minutes at the edges. */
    @Test
    void aLongWindowSumsDaysHoursAndMinutesWithoutCountingAnOrderTwice() {
        place("before", "c-1", "EUR", "1.00", DAY.minus(Duration.ofMinutes(151)));
        place("first-minute", "c-1", "EUR", "2.00", DAY.minus(Duration.ofMinutes(90)));
        place("edge-hour", "c-1", "EUR", "4.00", DAY.minus(Duration.ofMinutes(30)));
        place("whole-day", "c-1", "EUR", "8.00", DAY.plus(Duration.ofHours(12)));
        place("next-hour", "c-1", "EUR", "16.00", DAY.plus(Duration.ofDays(1)));
        place("last-minute", "c-1", "EUR", "32.00", DAY.plus(Duration.ofDays(1).plusMinutes(74)));
        place("after", "c-1", "EUR", "64.00", DAY.plus(Duration.ofDays(1).plusMinutes(75)));

        TimeWindow window = new TimeWindow(
                DAY.minus(Duration.ofMinutes(150)), DAY.plus(Duration.ofDays(1).plusMinutes(75)));

        AnalyticsSummary summary = projection.handle(new FindSummary(window));
        assertThat(summary.orders()).isEqualTo(5);
        assertThat(summary.currencies().get(0).revenue()).isEqualTo(money("62.00"));
        assertThat(projection.handle(new FindSales(window, Granularity.DAY)).buckets())
                .extracting(b -> tuple(b.start(), b.orders()))
                .containsExactly(
                        tuple(DAY.minus(Duration.ofDays(1)), 2L),
                        tuple(DAY, 1L),
                        tuple(DAY.plus(Duration.ofDays(1)), 2L));
    }

    /** A window is answered in whole UTC minutes: its start rounded down, its end rounded up. */
    @Test
    void aWindowIsAnsweredInWholeMinutes() {
        place("start-of-minute", "c-1", "EUR", "1.00", at(9, 0, 10));
        place("end-of-minute", "c-1", "EUR", "2.00", at(9, 1, 50));
        place("next-minute", "c-1", "EUR", "4.00", at(9, 2, 0));

        TimeWindow window = new TimeWindow(at(9, 0, 30), at(9, 1, 10));

        assertThat(projection.handle(new FindSummary(window)).orders()).isEqualTo(2);
    }

    /**
     * In one processor batch the rows are written only at commit: an order placed, changed and cancelled in the same
     * batch still takes its lines (the stored and the new) out of the top products, and its revenue out of the sales.
     */
    @Test
    void anOrderThatLeavesInTheBatchThatPlacedItTakesAllItsLinesOut() {
        place("kept", "c-1", "EUR", "5.00", at(9, 0, 0));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            projection.on(
                    new OrderPlaced(
                            "lost",
                            "c-2",
                            "EUR",
                            List.of(line("mug", "Mug", 2, "9.50")),
                            ADDRESS,
                            new BigDecimal("19.00")),
                    0,
                    at(9, 0, 0));
            projection.on(
                    new OrderLineAdded("lost", line("pot", "Pot", 1, "30.00"), new BigDecimal("49.00"), 2),
                    1,
                    at(9, 1, 0));
            projection.on(new OrderCancelled("lost", "no", OrderStatus.PLACED), 2, at(9, 2, 0));
        });

        assertThat(projection.handle(new FindTopProducts(THAT_DAY, 10)).byUnits())
                .extracting(TopProducts.RankedProduct::productId)
                .containsExactly("p-kept");
        assertThat(projection.handle(new FindSummary(THAT_DAY)).currencies())
                .extracting(c -> tuple(c.orders(), c.lost(), c.revenue()))
                .containsExactly(tuple(2L, 1L, money("5.00")));
        assertThat(projection.handle(new FindFunnel(THAT_DAY)).exits())
                .extracting(e -> tuple(e.kind(), e.fromStatus(), e.reason(), e.orders()))
                .containsExactly(tuple("CANCELLED", "PLACED", "no", 1L));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        place("o-1", "c-1", "EUR", "10.00", at(9, 0, 0));
        projection.on(new OrderLineAdded("o-1", line("x", "X", 1, "5.00"), new BigDecimal("15.00"), 2), 1, at(9, 1, 0));
        projection.on(new OrderLineQuantityChanged("o-1", "x", 3, new BigDecimal("25.00")), 2, at(9, 2, 0));

        place("o-1", "c-1", "EUR", "10.00", at(9, 0, 0));
        projection.on(new OrderLineAdded("o-1", line("x", "X", 1, "5.00"), new BigDecimal("15.00"), 2), 1, at(9, 1, 0));

        assertThat(projection
                        .handle(new FindSummary(THAT_DAY))
                        .currencies()
                        .get(0)
                        .revenue())
                .isEqualTo(money("25.00"));
        assertThat(projection.handle(new FindTopProducts(THAT_DAY, 10)).byUnits())
                .extracting(p -> tuple(p.productId(), p.units()))
                .contains(tuple("x", 3L));
    }

    private void place(String orderId, String customerId, String currency, String total, Instant at) {
        projection.on(
                new OrderPlaced(
                        orderId,
                        customerId,
                        currency,
                        List.of(line("p-" + orderId, "Thing", 1, total)),
                        ADDRESS,
                        new BigDecimal(total)),
                0,
                at);
    }

    /** Takes the order through {@code steps} steps after placement, a minute apart from {@code start}. */
    private void progress(String orderId, Instant start, int steps) {
        if (steps >= 1) {
            projection.on(confirmed(orderId), 1, start);
        }
        if (steps >= 2) {
            projection.on(new OrderPaid(orderId, "psp", BigDecimal.TEN, "EUR"), 2, start.plusSeconds(60));
        }
        if (steps >= 3) {
            projection.on(new OrderShipped(orderId, "dhl", "t"), 3, start.plusSeconds(120));
        }
        if (steps >= 4) {
            projection.on(new OrderDelivered(orderId), 4, start.plusSeconds(180));
        }
    }

    private static OrderConfirmed confirmed(String orderId) {
        return new OrderConfirmed(orderId, new BigDecimal("10.00"), "EUR", List.of());
    }

    private static OrderLine line(String productId, String name, int quantity, String unitPrice) {
        return new OrderLine(productId, name, quantity, new BigDecimal(unitPrice));
    }

    private static Instant at(int hour, int minute, int second) {
        return DAY.plus(Duration.ofHours(hour).plusMinutes(minute).plusSeconds(second));
    }

    private static Long minutes(int minutes) {
        return Duration.ofMinutes(minutes).toMillis();
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
