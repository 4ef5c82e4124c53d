package io.ordo.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.order.api.OrderStatus.Step;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lifecycle table: from which statuses each step may be taken, and the exact sentence that refuses it elsewhere
 * (clients and the Order*Test classes read these sentences, so they are pinned word for word).
 */
class OrderStatusTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CHANGE_LINES                     | PLACED
            CONFIRM                          | PLACED
            REQUEST_PAYMENT                  | CONFIRMED
            TAKE_PAYMENT                     | CONFIRMED
            REJECT                           | CONFIRMED
            SHIP                             | PAID
            SHIP_CONFIRMED_BEFORE_FULFILMENT | CONFIRMED
            DELIVER                          | SHIPPED
            CANCEL                           | PLACED CONFIRMED PAID
            CANCEL_UNPAID                    | CONFIRMED
            """)
    void aStepIsAllowedFromExactlyTheseStatuses(Step step, String statuses) {
        assertThat(Arrays.stream(OrderStatus.values()).filter(status -> status.allows(step)))
                .containsExactlyInAnyOrder(Arrays.stream(statuses.split(" "))
                        .map(OrderStatus::valueOf)
                        .toArray(OrderStatus[]::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CHANGE_LINES                     | CONFIRMED | order o-1 is CONFIRMED; lines change only while PLACED
            CONFIRM                          | SHIPPED   | order o-1 is SHIPPED; only a PLACED order can confirm
            REQUEST_PAYMENT                  | PLACED    | order o-1 is PLACED; only a CONFIRMED order can request payment
            TAKE_PAYMENT                     | PAID      | order o-1 is PAID; only a CONFIRMED order can take a payment
            REJECT                           | PAID      | order o-1 is PAID; only a CONFIRMED order can be rejected
            SHIP                             | CONFIRMED | order o-1 is CONFIRMED; only a PAID order can ship
            SHIP_CONFIRMED_BEFORE_FULFILMENT | PLACED    | order o-1 is PLACED; only a CONFIRMED order can ship
            DELIVER                          | PAID      | order o-1 is PAID; only a SHIPPED order can deliver
            CANCEL                           | SHIPPED   | order o-1 is SHIPPED and can no longer be cancelled
            """)
    void aStepRefusedSaysWhy(Step step, OrderStatus status, String refusal) {
        assertThat(status.allows(step)).isFalse();
        assertThat(step.refusal("o-1", status)).isEqualTo(refusal);
    }
}
