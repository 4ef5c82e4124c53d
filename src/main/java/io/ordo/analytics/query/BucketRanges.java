package io.ordo.analytics.query;

import io.ordo.analytics.api.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * A window as the fewest bucket rows that cover it: whole days in its middle, whole hours beside them, minutes at its
 * edges (at most 2 x 59 minutes, 2 x 23 hours and 366 days per key). Buckets are a minute wide at the finest, so a
 * window is answered in whole UTC minutes: its start rounded down and its end rounded up to the minute.
 */
record BucketRanges(List<Range> ranges) {

    /** Buckets of one width starting from {@code from} (inclusive) to {@code to} (exclusive). */
    record Range(long width, long from, long to) {}

    static final long MINUTE = OrderBuckets.WIDTHS.get(0);

    /** The window in buckets no wider than {@code widest} (the series' granularity), coarsest first. */
    static BucketRanges of(TimeWindow window, long widest) {
        long from = floor(window.from().toEpochMilli(), MINUTE);
        long to = ceil(window.to().toEpochMilli(), MINUTE);
        List<Range> ranges = new ArrayList<>();
        split(from, to, OrderBuckets.WIDTHS.size() - 1, widest, ranges);
        return new BucketRanges(ranges);
    }

    static BucketRanges of(TimeWindow window) {
        return of(window, Long.MAX_VALUE);
    }

    /**
     * The table's rows in the window, as a derived table {@code b}: one select per range, each a range of the primary
     * key's leading columns (width and bucket), so that every database reads them by the index however much history
     * the table holds (an {@code or} of ranges may be read by a scan).
     */
    String rows(String table) {
        List<String> selects = new ArrayList<>();
        ranges.forEach(range ->
                selects.add("select * from " + table + " where width_ms = ? and bucket_ms >= ? and bucket_ms < ?"));
        if (selects.isEmpty()) {
            selects.add("select * from " + table + " where 1 = 0");
        }
        return "(" + String.join(" union all ", selects) + ") b";
    }

    Object[] parameters(Object... more) {
        List<Object> values = new ArrayList<>();
        ranges.forEach(range -> values.addAll(List.of(range.width(), range.from(), range.to())));
        values.addAll(List.of(more));
        return values.toArray();
    }

    private static void split(long from, long to, int level, long widest, List<Range> ranges) {
        if (from >= to) {
            return;
        }
        long width = OrderBuckets.WIDTHS.get(level);
        if (level == 0) {
            ranges.add(new Range(width, from, to));
            return;
        }
        long first = ceil(from, width);
        long last = floor(to, width);
        if (width > widest || first >= last) {
            split(from, to, level - 1, widest, ranges);
            return;
        }
        ranges.add(new Range(width, first, last));
        split(from, first, level - 1, widest, ranges);
        split(last, to, level - 1, widest, ranges);
    }

    private static long floor(long millis, long width) {
        return millis - Math.floorMod(millis, width);
    }

    private static long ceil(long millis, long width) {
        long floor = floor(millis, width);
        return floor == millis ? millis : floor + width;
    }
}
