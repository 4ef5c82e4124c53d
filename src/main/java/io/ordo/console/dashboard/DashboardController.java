package io.ordo.console.dashboard;

import io.ordo.analytics.api.AnalyticsStream;
import io.ordo.analytics.api.AnalyticsSummary;
import io.ordo.analytics.api.FindFunnel;
import io.ordo.analytics.api.FindSales;
import io.ordo.analytics.api.FindStockAlerts;
import io.ordo.analytics.api.FindSummary;
import io.ordo.analytics.api.FindTopProducts;
import io.ordo.analytics.api.Funnel;
import io.ordo.analytics.api.SalesFigures;
import io.ordo.analytics.api.StockAlerts;
import io.ordo.analytics.api.TimeWindow;
import io.ordo.analytics.api.TopProducts;
import io.ordo.platform.live.LiveStreams;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's parts, each fetched by the page (templates/console/dashboard.html) when it loads, when the period
 * changes and when the live stream says figures changed: the KPI tiles and the stock alerts as HTML fragments, the
 * charts' data as JSON, and the stream itself, the analytics topic of the platform's live streams.
 */
@Controller
@RequestMapping("/console/dashboard")
class DashboardController {

    private final QueryGateway queries;
    private final LiveStreams streams;
    private final int lowStockBelow;
    private final Clock clock = Clock.systemUTC();

    DashboardController(
            QueryGateway queries,
            LiveStreams streams,
            @Value("${ordo.analytics.low-stock-below:5}") int lowStockBelow) {
        this.queries = queries;
        this.streams = streams;
        this.lowStockBelow = lowStockBelow;
    }

    @GetMapping("/kpis")
    String kpis(
            @RequestParam(defaultValue = "24h") @Pattern(regexp = DashboardPeriod.NAMES) String window, Model model) {
        model.addAttribute("kpis", Kpis.of(summary(window(window))));
        return "console/dashboard :: kpis";
    }

    @GetMapping("/stock")
    String stock(Model model) {
        model.addAttribute(
                "stock",
                queries.query(new FindStockAlerts(lowStockBelow, 8), StockAlerts.class)
                        .join());
        return "console/dashboard :: stock";
    }

    @GetMapping(path = "/charts", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    DashboardCharts charts(@RequestParam(defaultValue = "24h") @Pattern(regexp = DashboardPeriod.NAMES) String window) {
        DashboardPeriod period = DashboardPeriod.named(window);
        TimeWindow asked = period.endingAt(clock.instant());
        String currency = Kpis.mainCurrency(summary(asked))
                .map(AnalyticsSummary.CurrencyFigures::currency)
                .orElse("EUR");
        return DashboardCharts.of(
                queries.query(new FindSales(asked, period.granularity()), SalesFigures.class)
                        .join(),
                currency,
                queries.query(new FindFunnel(asked), Funnel.class).join(),
                queries.query(new FindTopProducts(asked, 20), TopProducts.class).join());
    }

    /** The same stream as {@code GET /api/analytics/live}, for the console's session. */
    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live() {
        return streams.open(AnalyticsStream.TOPIC);
    }

    private TimeWindow window(String name) {
        return DashboardPeriod.named(name).endingAt(clock.instant());
    }

    private AnalyticsSummary summary(TimeWindow window) {
        return queries.query(new FindSummary(window), AnalyticsSummary.class).join();
    }
}
