package io.ordo.integrity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Present only where the ledger runs: not in the axonserver profile ({@code ordo.integrity.enabled: false}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "ordo.integrity.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnLedger {}
