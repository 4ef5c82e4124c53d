package io.ordo.platform.web;

import io.ordo.shared.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * An amount that {@link Money} accepts in a currency of cents: at most {@value Money#MAX_INTEGER_DIGITS} integer digits
 * and at most {@value Money#MAX_DECIMALS} decimals that are not zero, so {@code 9.500} is 9.50 and {@code 9.505} is
 * refused. {@code @Digits(fraction = 2)} counted the written zeros and refused {@code 9.500}, which Money takes; one
 * rule at the door and in the aggregate. Used with {@link BoundedAmountDeserializer}, which has already refused an
 * amount too long to look at, so stripping its zeros here is cheap.
 */
@Documented
@Constraint(validatedBy = AmountOfMoney.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface AmountOfMoney {

    /** For the API description: what the schema's multipleOf 0.01 means for a client. */
    String DESCRIPTION = "At most 15 integer digits and 2 decimals; further decimals may be written only as zeros"
            + " (9.500 is 9.50, 9.505 is refused)";

    String message() default
            "must have at most " + Money.MAX_INTEGER_DIGITS + " integer digits and " + Money.MAX_DECIMALS
                    + " decimals other than trailing zeros";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AmountOfMoney, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal amount, ConstraintValidatorContext context) {
            if (amount == null) {
                return true;
            }
            try {
                // the bounds first: only then is stripping the zeros cheap
                Money.requireBounded(amount);
            } catch (IllegalArgumentException outOfRange) {
                return false;
            }
            return amount.stripTrailingZeros().scale() <= Money.MAX_DECIMALS;
        }
    }
}
