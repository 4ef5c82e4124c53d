package io.ordo.console.dashboard;

import io.ordo.analytics.api.AnalyticsSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The four tiles as they are shown: orders placed, and revenue and average order value in the currency with the most
 * orders (the others are named beside them), and conversion (delivered of placed).
 */
record Kpis(String orders, String revenue, String averageOrderValue, String conversion, String currencyNote) {

    private static final Locale FORMAT = Locale.UK;

    static Kpis of(AnalyticsSummary summary) {
        NumberFormat count = NumberFormat.getIntegerInstance(FORMAT);
        String conversion = summary.conversion()
                        .multiply(BigDecimal.valueOf(100))
                        .setScale(1, RoundingMode.HALF_EVEN)
                        .toPlainString()
                + " %";
        return mainCurrency(summary)
                .map(main -> new Kpis(
                        count.format(summary.orders()),
                        money(main.revenue(), main.currency()),
                        money(main.averageOrderValue(), main.currency()),
                        conversion,
                        summary.currencies().size() > 1
                                ? "in " + main.currency() + "; "
                                        + (summary.currencies().size() - 1) + " more currencies on the API"
                                : "orders not cancelled or rejected"))
                .orElse(new Kpis("0", "–", "–", conversion, "no orders in this period"));
    }

    /** The currency with the most orders (the first by code on a tie), which the tiles and the charts show. */
    static Optional<AnalyticsSummary.CurrencyFigures> mainCurrency(AnalyticsSummary summary) {
        return summary.currencies().stream()
                .max(Comparator.comparingLong(AnalyticsSummary.CurrencyFigures::orders)
                        .thenComparing(AnalyticsSummary.CurrencyFigures::currency, Comparator.reverseOrder()));
    }

    private static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(FORMAT);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException unknown) {
            return currency + " " + amount.toPlainString();
        }
        return format.format(amount);
    }
}
