package io.ordo.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency; never negative, never finer than a cent or the currency's minor unit, and never
 * more than {@value #MAX_INTEGER_DIGITS} integer digits, so that every total fits the read models' {@code numeric(19,
 * 2)} columns.
 *
 * <p>The bounds are checked before any arithmetic, on {@code scale()} and {@code precision()} alone: a number such as
 * {@code 1e100000000} is short to write, but scaling it to cents would compute a hundred million digits.
 */
public record Money(BigDecimal amount, Currency currency) {

    public static final int MAX_DECIMALS = 2;

    /** Digits before the decimal point: under a thousand trillion, in any currency. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Digits after the decimal point as written, trailing zeros included ({@code 9.50000}); only the first 2 count. */
    public static final int MAX_SCALE = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = currencyOf(Objects.requireNonNull(currency, "currency").getCurrencyCode());
        requireBounded(amount);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > decimalsOf(currency)) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + decimalsOf(currency) + ")");
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    /**
     * The amount if it has the shape of money in any currency: at most {@value #MAX_INTEGER_DIGITS} integer digits and
     * {@value #MAX_SCALE} decimals as written. Costs the same for {@code 1e100000000} as for {@code 9.50}; the message
     * does not echo the amount. After it, {@code toPlainString()} is at most 32 characters.
     */
    public static BigDecimal requireBounded(BigDecimal amount) {
        if (amount.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("an amount is written with at most " + MAX_SCALE + " decimals");
        }
        // scale() >= -MAX_INTEGER_DIGITS here only bounds the work precision() does for an in-process number
        if (amount.scale() < -MAX_INTEGER_DIGITS || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("an amount has at most " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return amount;
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currencyOf(currencyCode));
    }

    public static Money zero(String currencyCode) {
        return of(BigDecimal.ZERO, currencyCode);
    }

    /** The currency for an ISO 4217 code, or an {@link IllegalArgumentException} quoting at most a few characters. */
    public static Currency currencyOf(String code) {
        if (code == null || code.length() != 3 || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "currency must be an ISO 4217 code such as EUR, was: " + BoundedText.excerpt(code));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown currency: " + code);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            // XAU, XDR, XXX and the like have no minor unit: they are not currencies a shop prices in
            throw new IllegalArgumentException(code + " is not a currency for prices");
        }
        return currency;
    }

    /** The sum; above {@value #MAX_INTEGER_DIGITS} integer digits it is refused like any amount. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The product; above {@value #MAX_INTEGER_DIGITS} integer digits it is refused like any amount. */
    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
    }

    private static int decimalsOf(Currency currency) {
        return Math.min(MAX_DECIMALS, currency.getDefaultFractionDigits());
    }
}
