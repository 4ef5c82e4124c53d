package io.ordo.analytics.web;

import io.ordo.analytics.AnalyticsProperties;
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
import io.ordo.inventory.api.ProductLimits;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics figures, each over a window of order placement (a named one ending now, or from and to; 24 hours by
 * default), read from the analytics projection through the query gateway. A broken bound answers 400 and reads
 * nothing.
 */
@RestController
@RequestMapping("/api/analytics")
@Tag(name = "Analytics")
class AnalyticsController {

    private static final String WINDOW = "A window ending now; instead of from and to. Default 24h.";
    private static final String FROM =
            "Start of the window (ISO-8601 instant, inclusive), with to; at most 366 days before to. Rounded down to"
                    + " the UTC minute: figures are kept in minute, hour and day buckets";
    private static final String TO =
            "End of the window (ISO-8601 instant, exclusive), with from. Rounded up to the UTC minute";

    private final QueryGateway queries;
    private final AnalyticsProperties properties;
    private final Clock clock = Clock.systemUTC();

    AnalyticsController(QueryGateway queries, AnalyticsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    @Operation(
            summary = "Key figures",
            description = "Orders placed in the window, how many were delivered (conversion), and per currency the"
                    + " orders, those lost (cancelled or rejected), the revenue of the others and their average.")
    @GetMapping("/summary")
    AnalyticsSummary summary(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to) {
        return ask(new FindSummary(window(window, from, to)), AnalyticsSummary.class);
    }

    @Operation(
            summary = "Sales over time",
            description = "Per bucket (UTC minute, hour or day) and currency: orders placed, lost, revenue and average"
                    + " order value. A series by minute spans at most 1 day, by hour 31 days, by day 366 days (else"
                    + " 400).")
    @GetMapping("/sales")
    SalesFigures sales(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to,
            @Parameter(description = "Width of a bucket")
                    @RequestParam(defaultValue = "hour")
                    @Pattern(regexp = "minute|hour|day")
                    String granularity) {
        TimeWindow asked = window(window, from, to);
        Granularity width = Granularity.valueOf(granularity.toUpperCase(Locale.ROOT));
        return ask(Windows.valid(() -> new FindSales(asked, width)), SalesFigures.class);
    }

    @Operation(
            summary = "Top products",
            description = "The products ordered most in the window, by units and by revenue, in orders not cancelled"
                    + " or rejected.")
    @GetMapping("/products")
    TopProducts topProducts(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(FindTopProducts.MAX_LIMIT) int limit) {
        return ask(new FindTopProducts(window(window, from, to), limit), TopProducts.class);
    }

    @Operation(
            summary = "Stock alerts",
            description = "Stock now: products on sale with fewer than lowBelow units available (default"
                    + " ordo.analytics.low-stock-below), and those whose stock is all reserved.")
    @GetMapping("/stock")
    StockAlerts stock(
            @RequestParam(required = false) @Min(0) @Max(ProductLimits.MAX_UNITS) Integer lowBelow,
            @RequestParam(defaultValue = "20") @Min(1) @Max(FindStockAlerts.MAX_LIMIT) int limit) {
        int threshold = lowBelow == null ? properties.lowStockBelow() : lowBelow;
        return ask(new FindStockAlerts(threshold, limit), StockAlerts.class);
    }

    @Operation(
            summary = "The order funnel",
            description = "Orders placed in the window by the furthest step reached (placed, confirmed, paid, shipped,"
                    + " delivered) with conversion rates, and the orders that left it by how, from where and why.")
    @GetMapping("/funnel")
    Funnel funnel(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to) {
        return ask(new FindFunnel(window(window, from, to)), Funnel.class);
    }

    @Operation(
            summary = "Fulfilment times",
            description = "For the orders placed in the window: confirmed → paid, paid → shipped, shipped → delivered,"
                    + " how many, and p50 and p95 in milliseconds, within 0.4 % (nearest rank over histogram bins).")
    @GetMapping("/fulfilment-times")
    FulfilmentTimes fulfilmentTimes(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to) {
        return ask(new FindFulfilmentTimes(window(window, from, to)), FulfilmentTimes.class);
    }

    @Operation(
            summary = "Customers",
            description =
                    "Per customer and currency, the orders placed in the window, the revenue of those kept and the"
                            + " first and last order; by revenue, most first. With customerId, that customer only (an empty"
                            + " list if they ordered nothing in the window).")
    @GetMapping("/customers")
    CustomerFigures customers(
            @Parameter(description = WINDOW) @RequestParam(required = false) @Pattern(regexp = Windows.NAMES)
                    String window,
            @Parameter(description = FROM) @RequestParam(required = false) Instant from,
            @Parameter(description = TO) @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE)
                    String customerId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(FindCustomers.MAX_LIMIT) int limit) {
        return ask(new FindCustomers(window(window, from, to), customerId, limit), CustomerFigures.class);
    }

    private TimeWindow window(String window, Instant from, Instant to) {
        return Windows.resolve(window, from, to, clock);
    }

    private <R> R ask(Object query, Class<R> answer) {
        return queries.query(query, answer).join();
    }
}
