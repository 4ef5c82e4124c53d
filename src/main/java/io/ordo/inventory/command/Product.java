package io.ordo.inventory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.ordo.inventory.api.ProductDiscontinued;
import io.ordo.inventory.api.ProductLimits;
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
import io.ordo.inventory.api.queries.ProductAsOf;
import io.ordo.platform.aggregates.VersionCheckedAggregate;
import io.ordo.platform.roles.CommandSide;
import io.ordo.shared.BoundedText;
import io.ordo.shared.Identifiers;
import io.ordo.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A product for sale and its stock. Available stock never goes negative: a reservation that does not fit is
 * recorded as rejected rather than refused, so the order process hears the answer as an event. Reserving again for the
 * same order, and releasing or committing a reservation that is not there, change nothing.
 *
 * <p>Snapshots store its fields as JSON. Change {@code @Revision} whenever they change shape: a snapshot of another
 * revision is then skipped and the product loads from its events. The price is kept as the events recorded it, not
 * checked again as {@link Money}, so a product recorded under older bounds still loads.
 */
@CommandSide
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
@Revision("2")
class Product extends VersionCheckedAggregate {

    @AggregateIdentifier
    private String productId;

    private String name;
    private BigDecimal unitPrice;
    private String currency;
    private boolean discontinued;
    private Stock stock;

    Product() {
        // Axon rebuilds the product from its events through this constructor
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterProduct command) {
        Identifiers.require(command.productId(), "productId");
        BoundedText.require(command.name(), "name", ProductLimits.MAX_NAME);
        Money price = Money.of(requirePrice(command.unitPrice()), command.currency());
        if (command.initialStock() < 0 || command.initialStock() > ProductLimits.MAX_UNITS) {
            throw new IllegalArgumentException("initialStock must be between 0 and " + ProductLimits.MAX_UNITS);
        }
        apply(new ProductRegistered(
                command.productId(), command.name(), price.amount(), command.currency(), command.initialStock()));
        return getVersion();
    }

    @CommandHandler
    long handle(RestockProduct command) {
        Stock.requireUnits(command.quantity(), "quantity");
        requireOnSale("restock");
        if ((long) stock.available() + stock.reserved() + stock.committed() + command.quantity()
                > ProductLimits.MAX_UNITS) {
            throw new IllegalStateException(
                    "product " + productId + " would hold more than " + ProductLimits.MAX_UNITS);
        }
        apply(new ProductRestocked(productId, command.quantity(), stock.available() + command.quantity()));
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeProductPrice command) {
        Money newPrice = Money.of(requirePrice(command.unitPrice()), currency);
        if (newPrice.amount().compareTo(unitPrice) == 0) {
            return getVersion();
        }
        requireOnSale("change the price of");
        apply(new ProductPriceChanged(productId, newPrice.amount(), currency));
        return getVersion();
    }

    @CommandHandler
    long handle(DiscontinueProduct command) {
        if (!discontinued) {
            apply(new ProductDiscontinued(productId));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(ReserveStock command) {
        Identifiers.require(command.orderId(), "orderId");
        Stock.requireUnits(command.quantity(), "quantity");
        if (stock.holdsFor(command.orderId())) {
            return getVersion();
        }
        if (discontinued || command.quantity() > stock.available()) {
            StockShortage reason = discontinued ? StockShortage.DISCONTINUED : StockShortage.OUT_OF_STOCK;
            apply(new StockReservationRejected(
                    productId, command.orderId(), command.quantity(), stock.available(), reason));
            return getVersion();
        }
        Stock after = stock.reserved(command.orderId(), command.quantity());
        apply(new StockReserved(productId, command.orderId(), command.quantity(), after.available(), after.reserved()));
        return getVersion();
    }

    @CommandHandler
    long handle(ReleaseStock command) {
        Identifiers.require(command.orderId(), "orderId");
        if (stock.holdsFor(command.orderId())) {
            Stock after = stock.released(command.orderId());
            apply(new StockReleased(
                    productId,
                    command.orderId(),
                    stock.heldFor(command.orderId()),
                    after.available(),
                    after.reserved()));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(CommitStock command) {
        Identifiers.require(command.orderId(), "orderId");
        if (stock.holdsFor(command.orderId())) {
            Stock after = stock.committed(command.orderId());
            apply(new StockCommitted(
                    productId,
                    command.orderId(),
                    stock.heldFor(command.orderId()),
                    after.reserved(),
                    after.committed()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        productId = event.productId();
        name = event.name();
        unitPrice = event.unitPrice();
        currency = event.currency();
        stock = Stock.of(event.initialStock());
    }

    @EventSourcingHandler
    void on(ProductRestocked event) {
        stock = stock.restocked(event.quantity());
    }

    @EventSourcingHandler
    void on(ProductPriceChanged event) {
        unitPrice = event.unitPrice();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event) {
        discontinued = true;
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        stock = stock.reserved(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        stock = stock.released(event.orderId());
    }

    @EventSourcingHandler
    void on(StockCommitted event) {
        stock = stock.committed(event.orderId());
    }

    /** What the product knows of itself, for its history just after the event {@code version}. */
    ProductAsOf asOf(long version, Instant recordedAt) {
        return new ProductAsOf(
                productId,
                name,
                unitPrice,
                currency,
                stock.available(),
                stock.reserved(),
                stock.committed(),
                discontinued,
                version,
                recordedAt);
    }

    private void requireOnSale(String action) {
        if (discontinued) {
            throw new IllegalStateException("product " + productId + " is discontinued; cannot " + action + " it");
        }
    }

    private static BigDecimal requirePrice(BigDecimal unitPrice) {
        if (unitPrice == null) {
            throw new IllegalArgumentException("unitPrice must be given");
        }
        return unitPrice;
    }
}
