package io.ordo.fulfilment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ordo.fulfilment.*}: how long a confirmed order waits for its payment before it is cancelled. */
@ConfigurationProperties("ordo.fulfilment")
public record FulfilmentProperties(@DefaultValue("15m") Duration paymentTimeout) {

    public FulfilmentProperties {
        if (paymentTimeout == null || paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("ordo.fulfilment.payment-timeout must be positive");
        }
    }
}
