package io.ordo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The door's rule for amounts is Money's: zeros beyond the cents are the same amount, anything else is refused. */
class AmountOfMoneyTest {

    private final AmountOfMoney.Check check = new AmountOfMoney.Check();

    @ParameterizedTest
    @ValueSource(strings = {"9.500", "9.5", "0.000", "100", "1E+2", "999999999999999.990000000000000"})
    void acceptsWhatMoneyAccepts(String amount) {
        assertThat(check.isValid(new BigDecimal(amount), null)).isTrue();
    }

    /** The last two would be costly to strip of zeros: the bounds refuse them first. */
    @ParameterizedTest
    @ValueSource(strings = {"9.505", "0.001", "1000000000000000", "9.5000000000000000", "1e100000000", "1e-100000000"})
    void refusesWhatMoneyRefuses(String amount) {
        assertThat(check.isValid(new BigDecimal(amount), null)).isFalse();
    }
}
