package io.ordo.order.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PLACED → CONFIRMED → PAID → SHIPPED → DELIVERED; an order is CANCELLED on request (before it ships) or when its payment
 * does not arrive in time, and REJECTED when the shop cannot fulfil it (stock or payment).
 *
 * <p>The lifecycle as a table: each status lists the {@link Step}s an order in it may take; the Order aggregate refuses
 * any other step with that step's {@link Step#refusal}. A status that lists none is final.
 */
public enum OrderStatus {
    PLACED(Step.CHANGE_LINES, Step.CONFIRM, Step.CANCEL),
    CONFIRMED(
            Step.REQUEST_PAYMENT,
            Step.TAKE_PAYMENT,
            Step.REJECT,
            Step.SHIP_CONFIRMED_BEFORE_FULFILMENT,
            Step.CANCEL,
            Step.CANCEL_UNPAID),
    SHIPPED(Step.DELIVER),
    DELIVERED,
    CANCELLED,
    PAID(Step.SHIP, Step.CANCEL),
    REJECTED;

    private final Set<Step> steps;

    OrderStatus(Step... steps) {
        this.steps = steps.length == 0 ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(Arrays.asList(steps));
    }

    public boolean allows(Step step) {
        return steps.contains(step);
    }

    /** What a command asks of an order's lifecycle, with the sentence that refuses it in a status that does not allow it. */
    public enum Step {
        CHANGE_LINES("order %1$s is %2$s; lines change only while %3$s"),
        CONFIRM("order %1$s is %2$s; only a %3$s order can confirm"),
        REQUEST_PAYMENT("order %1$s is %2$s; only a %3$s order can request payment"),
        TAKE_PAYMENT("order %1$s is %2$s; only a %3$s order can take a payment"),
        REJECT("order %1$s is %2$s; only a %3$s order can be rejected"),
        SHIP("order %1$s is %2$s; only a %3$s order can ship"),
        /** An order confirmed before the fulfilment process existed was never asked to pay: it ships once confirmed. */
        SHIP_CONFIRMED_BEFORE_FULFILMENT("order %1$s is %2$s; only a %3$s order can ship"),
        DELIVER("order %1$s is %2$s; only a %3$s order can deliver"),
        CANCEL("order %1$s is %2$s and can no longer be cancelled"),
        /** The fulfilment process gives up on a payment that did not come; elsewhere this changes nothing. */
        CANCEL_UNPAID("order %1$s is %2$s; only a %3$s order is cancelled for want of payment");

        private final String refusal;

        Step(String refusal) {
            this.refusal = refusal;
        }

        /** Why the order {@code orderId}, being {@code status}, may not take this step. */
        public String refusal(String orderId, OrderStatus status) {
            String allowedFrom = Arrays.stream(OrderStatus.values())
                    .filter(candidate -> candidate.allows(this))
                    .map(OrderStatus::name)
                    .collect(Collectors.joining(" or "));
            return refusal.formatted(orderId, status, allowedFrom);
        }
    }
}
