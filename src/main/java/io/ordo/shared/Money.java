package io.ordo.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount in one ISO 4217 currency; never negative and never finer than a cent or the currency's minor unit. */
public record Money(BigDecimal amount, Currency currency) {

    public static final int MAX_DECIMALS = 2;

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = currencyOf(Objects.requireNonNull(currency, "currency").getCurrencyCode());
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > decimalsOf(currency)) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + decimalsOf(currency) + ")");
        }
        amount = amount.setScale(currency.getDefaultFractionDigits());
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currencyOf(currencyCode));
    }

    public static Money zero(String currencyCode) {
        return of(BigDecimal.ZERO, currencyCode);
    }

    /** The currency for an ISO 4217 code, or an {@link IllegalArgumentException} naming the code. */
    public static Currency currencyOf(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, was: " + code);
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

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

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
