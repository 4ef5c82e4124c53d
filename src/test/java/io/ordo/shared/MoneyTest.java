package io.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ordo.support.HostileValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money's bounds: checked before any arithmetic, and never quoting a long amount back. */
class MoneyTest {

    // A hang fails the test instead of the build; these answer in microseconds when the bounds come first.
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ParameterizedTest
    @ValueSource(strings = {"1e100000000", "1e-100000000", "-1e100000000", "9.5e2147483647", "1E+16"})
    void refusesAnAmountOfAHugeExponentWithoutComputingItsDigits(String written) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(new BigDecimal(written), "EUR"))
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(100));
    }

    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @Test
    void refusesAnAmountOfAMillionDigitsBeforeStrippingItsZeros() {
        BigDecimal million = new BigDecimal(BigInteger.TEN.pow(1_000_000), 1_000_000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(million, "EUR"))
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(100));
    }

    @Test
    void acceptsFifteenIntegerDigitsAndRefusesSixteen() {
        assertThat(Money.of(new BigDecimal("999999999999999.99"), "EUR").amount())
                .isEqualByComparingTo("999999999999999.99");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(new BigDecimal("1000000000000000"), "EUR"))
                .withMessageContaining("15 integer digits");
    }

    @Test
    void refusesASumOrProductBeyondFifteenIntegerDigits() {
        Money large = Money.of(new BigDecimal("900000000000000"), "EUR");

        assertThatIllegalArgumentException().isThrownBy(() -> large.plus(large));
        assertThatIllegalArgumentException().isThrownBy(() -> large.times(10_000));
    }

    @Test
    void acceptsTrailingZerosWrittenUpToFifteenDecimals() {
        assertThat(Money.of(new BigDecimal("9.500000000000000"), "EUR").amount())
                .isEqualTo(new BigDecimal("9.50"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("9.5000000000000000"), "EUR"));
    }

    @Test
    void refusesDecimalsACurrencyWithoutMinorUnitsCannotHave() {
        assertThat(Money.of(new BigDecimal("1500"), "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.of(new BigDecimal("1500.5"), "JPY"))
                .withMessageContaining("JPY");
    }

    @Test
    void quotesAnUnknownCurrencyCodeOnlyInPart() {
        String code = "X".repeat(10_000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Money.currencyOf(code))
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(150));
    }

    @ParameterizedTest
    @MethodSource("hostileAmounts")
    void everyAcceptedAmountFitsTheReadModelsNumericColumnAndEveryRefusalIsShort(BigDecimal amount) {
        try {
            Money money = Money.of(amount, "EUR");
            // numeric(19, 2): 17 integer digits at most, 2 decimals
            assertThat(money.amount().scale()).isEqualTo(2);
            assertThat(money.amount().precision() - money.amount().scale()).isLessThanOrEqualTo(17);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).hasSizeLessThan(100);
        }
    }

    static List<BigDecimal> hostileAmounts() {
        return HostileValues.amounts(200);
    }
}
