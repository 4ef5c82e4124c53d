package io.ordo.analytics.query;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why an order left the funnel, as a code to count by. The fulfilment process rejects with a code first
 * ({@code OUT_OF_STOCK sku-1}, {@code PAYMENT_DECLINED}) and cancels an unpaid order with {@code payment timeout}; a
 * person's cancellation reason is free text and is kept as given, trimmed to the column.
 */
final class ExitReasons {

    static final int MAX_LENGTH = 100;

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*[A-Z]");

    private ExitReasons() {}

    static String of(String reason) {
        if (reason == null || reason.isBlank()) {
            return "UNSPECIFIED";
        }
        String trimmed = reason.strip();
        String first = trimmed.split("\\s+", 2)[0];
        if (CODE.matcher(first).matches()) {
            return first;
        }
        if (trimmed.equalsIgnoreCase("payment timeout")) {
            return trimmed.toUpperCase(Locale.ROOT).replace(' ', '_');
        }
        return trimmed.length() <= MAX_LENGTH ? trimmed : trimmed.substring(0, MAX_LENGTH);
    }
}
