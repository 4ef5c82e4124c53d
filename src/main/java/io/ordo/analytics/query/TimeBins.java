package io.ordo.analytics.query;

/**
 * Log-linear bins of durations for the fulfilment-time histograms (HdrHistogram's scheme with 8 significant bits):
 * durations under 256 ms have a bin each; above, a bin keeps a duration's 8 leading bits, so it is 1/128 to 1/256 of
 * its lower bound wide. A percentile is answered with the middle of its bin, within 0.4 % of the true duration.
 */
final class TimeBins {

    private static final int SIGNIFICANT_BITS = 8;

    private TimeBins() {}

    /** The lower bound of the bin a duration falls in; its key. */
    static long lowerBound(long durationMs) {
        int shift = shift(durationMs);
        return (durationMs >> shift) << shift;
    }

    /** The duration a bin answers with: its middle, or its one value when it holds one. */
    static long representative(long lowerBound) {
        int shift = shift(lowerBound);
        return lowerBound + ((1L << shift) >> 1);
    }

    private static int shift(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return Math.max(0, bits - SIGNIFICANT_BITS);
    }
}
