package io.ordo.order.api;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The order is final and goes to fulfilment. Revision 2 carries the confirmed {@code lines}, which the fulfilment
 * process reserves; a revision 1 event, recorded before fulfilment existed, is upcast with {@code lines} null.
 */
@Revision("2")
public record OrderConfirmed(String orderId, BigDecimal total, String currency, List<OrderLine> lines) {

    /** Whether the order was confirmed before the fulfilment process existed (and so never enters it). */
    public boolean confirmedBeforeFulfilment() {
        return lines == null;
    }
}
