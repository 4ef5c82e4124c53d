package io.ordo.analytics.query;

import io.ordo.analytics.api.Granularity;
import io.ordo.analytics.query.BucketTable.Column;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an order adds to the pre-summed buckets, by the minute, hour and day it was placed in. A change of an order or
 * a line adds the difference of its contribution after and before the event ({@link #orderChanged},
 * {@link #lineChanged}), so the buckets always equal a sum over the orders as they stand, an order that changes after
 * its bucket is counted where it was placed, and an event skipped by a row's version adds nothing.
 */
final class OrderBuckets {

    /** The widths every bucket is kept at. */
    static final List<Long> WIDTHS = List.of(
            Granularity.MINUTE.width().toMillis(),
            Granularity.HOUR.width().toMillis(),
            Granularity.DAY.width().toMillis());

    /** Slices of the order ids: as many as the processor's segments may be split into without sharing a row. */
    static final int SLICES = 16;

    static final String[][] STEPS = {{"CONFIRMED", "PAID"}, {"PAID", "SHIPPED"}, {"SHIPPED", "DELIVERED"}};

    private static final List<Column> BUCKET = List.of(
            new Column("width_ms", "bigint"), new Column("bucket_ms", "bigint"), new Column("slice", "integer"));

    static final BucketTable SALES = new BucketTable(
            "analytics_sales_bucket",
            with(new Column("currency", "varchar(3)")),
            List.of(),
            List.of(
                    new Column("orders", "bigint"),
                    new Column("lost", "bigint"),
                    new Column("revenue", "numeric(21, 4)"),
                    new Column("confirmed", "bigint"),
                    new Column("paid", "bigint"),
                    new Column("shipped", "bigint"),
                    new Column("delivered", "bigint")));

    static final BucketTable EXITS = new BucketTable(
            "analytics_exit_bucket",
            with(
                    new Column("exit_kind", "varchar(16)"),
                    new Column("exit_from", "varchar(16)"),
                    new Column("exit_reason", "varchar(100)")),
            List.of(),
            List.of(new Column("orders", "bigint")));

    static final BucketTable PRODUCTS = new BucketTable(
            "analytics_product_bucket",
            with(new Column("product_id", "varchar(255)"), new Column("currency", "varchar(3)")),
            List.of(new Column("product_name", "varchar(255)")),
            List.of(new Column("units", "bigint"), new Column("revenue", "numeric(21, 4)")));

    static final BucketTable TIMES = new BucketTable(
            "analytics_time_bucket",
            with(new Column("step", "varchar(16)"), new Column("bin_ms", "bigint")),
            List.of(),
            List.of(new Column("orders", "bigint")));

    private final BucketDeltas deltas;

    OrderBuckets(BucketDeltas deltas) {
        this.deltas = deltas;
    }

    /** An order stored ({@code before} null) or changed by one event. */
    void orderChanged(OrderFigures.Facts before, OrderFigures.Facts after) {
        if (before != null) {
            add(before, -1);
        }
        add(after, 1);
    }

    /** A line stored ({@code before} null) or changed, of an order as it stands. */
    void lineChanged(OrderFigures.Facts order, LineFacts before, LineFacts after) {
        if (before != null) {
            add(order, before, -1);
        }
        if (after != null) {
            add(order, after, 1);
        }
    }

    /** An order's lines, moved from its contribution before an event to the one after (it left the funnel). */
    void linesMoved(OrderFigures.Facts before, OrderFigures.Facts after, List<LineFacts> lines) {
        for (LineFacts line : lines) {
            add(before, line, -1);
            add(after, line, 1);
        }
    }

    /** A line's figures at one moment. */
    record LineFacts(String productId, String productName, int quantity, BigDecimal unitPrice) {

        static LineFacts of(LineFigures line) {
            return new LineFacts(line.productId(), line.productName(), line.quantity(), line.unitPrice());
        }
    }

    private void add(OrderFigures.Facts order, int sign) {
        long reachedConfirmed = reached(order.confirmedMs(), order.paidMs(), order.shippedMs(), order.deliveredMs());
        long reachedPaid = reached(order.paidMs(), order.shippedMs(), order.deliveredMs());
        long reachedShipped = reached(order.shippedMs(), order.deliveredMs());
        long delivered = reached(order.deliveredMs());
        Number[] sales = {
            (long) sign,
            sign * (order.kept() ? 0L : 1L),
            order.kept() ? order.total().multiply(BigDecimal.valueOf(sign)) : BigDecimal.ZERO,
            sign * reachedConfirmed,
            sign * reachedPaid,
            sign * reachedShipped,
            sign * delivered
        };
        Long[] times = {
            duration(order.confirmedMs(), order.paidMs()),
            duration(order.paidMs(), order.shippedMs()),
            duration(order.shippedMs(), order.deliveredMs())
        };
        for (long width : WIDTHS) {
            List<Object> bucket = bucket(order, width);
            deltas.add(SALES, keys(bucket, order.currency()), new Object[0], sales);
            if (!order.kept()) {
                deltas.add(
                        EXITS,
                        keys(bucket, order.exitKind(), order.exitFrom(), order.exitReason()),
                        new Object[0],
                        new Number[] {(long) sign});
            }
            for (int step = 0; step < STEPS.length; step++) {
                if (times[step] != null) {
                    deltas.add(
                            TIMES,
                            keys(bucket, STEPS[step][0], TimeBins.lowerBound(times[step])),
                            new Object[0],
                            new Number[] {(long) sign});
                }
            }
        }
    }

    private void add(OrderFigures.Facts order, LineFacts line, int sign) {
        if (!order.kept() || line.quantity() <= 0) {
            return;
        }
        Number[] counters = {
            (long) sign * line.quantity(), line.unitPrice().multiply(BigDecimal.valueOf((long) sign * line.quantity()))
        };
        for (long width : WIDTHS) {
            deltas.add(
                    PRODUCTS,
                    keys(bucket(order, width), line.productId(), order.currency()),
                    new Object[] {line.productName()},
                    counters);
        }
    }

    /** 1 if any of the steps' times is known: an order counts for a step it reached or passed. */
    private static long reached(Long... times) {
        for (Long time : times) {
            if (time != null) {
                return 1;
            }
        }
        return 0;
    }

    private static Long duration(Long from, Long to) {
        return from == null || to == null ? null : Math.max(0, to - from);
    }

    private static List<Object> bucket(OrderFigures.Facts order, long width) {
        return List.of(
                width,
                order.placedMs() - Math.floorMod(order.placedMs(), width),
                order.orderId().hashCode() & (SLICES - 1));
    }

    private static List<Object> keys(List<Object> bucket, Object... more) {
        List<Object> keys = new java.util.ArrayList<>(bucket);
        keys.addAll(List.of(more));
        return keys;
    }

    private static List<Column> with(Column... more) {
        List<Column> columns = new java.util.ArrayList<>(BUCKET);
        columns.addAll(List.of(more));
        return columns;
    }
}
