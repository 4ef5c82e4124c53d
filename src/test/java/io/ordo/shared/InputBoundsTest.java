package io.ordo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ordo.support.HostileValues;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for identifiers and the one for stored free text, and how error messages quote input. */
class InputBoundsTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-1001", "sku-tea", "9f1c2d3e-0000-4000-8000-000000000000", "psp:4711", "a"})
    void acceptsIdentifiersOfSafeCharacters(String id) {
        assertThat(Identifiers.isValid(id)).isTrue();
        assertThat(Identifiers.require(id, "orderId")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-leading-dash", "has space", "slash/in", "nul\u0000", "é", "a\nb", "<script>"})
    void refusesIdentifiersWithOtherCharacters(String id) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Identifiers.require(id, "customerId"))
                .withMessageStartingWith("customerId must be 1 to 64");
    }

    @Test
    void refusesAnIdentifierLongerThanSixtyFourCharacters() {
        assertThat(Identifiers.isValid("a".repeat(64))).isTrue();
        assertThat(Identifiers.isValid("a".repeat(65))).isFalse();
        assertThat(Identifiers.isValid(null)).isFalse();
    }

    @Test
    void refusesTextThatIsBlankTooLongOrHoldsControlCharacters() {
        assertThat(BoundedText.require("Zoë 🍵 Straße", "name", 20)).isEqualTo("Zoë 🍵 Straße");
        assertThatIllegalArgumentException().isThrownBy(() -> BoundedText.require(" ", "name", 20));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BoundedText.require("x".repeat(21), "name", 20))
                .withMessage("name must be at most 20 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> BoundedText.require("a\u0000b", "name", 20));
        assertThatIllegalArgumentException().isThrownBy(() -> BoundedText.require("a\u0085b", "name", 20));
        assertThatIllegalArgumentException().isThrownBy(() -> BoundedText.require("lone \ud800", "name", 20));
    }

    @Test
    void theWebPatternRefusesTheSameControlCharactersAsTheCommandSide() {
        assertThat("Zoë 🍵".matches(BoundedText.PATTERN)).isTrue();
        assertThat("a\u0000b".matches(BoundedText.PATTERN)).isFalse();
        assertThat("a\tb".matches(BoundedText.PATTERN)).isFalse();
        assertThat("a\u009Fb".matches(BoundedText.PATTERN)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("hostileStrings")
    void anExcerptIsShortAndPrintableWhateverItQuotes(String input) {
        String excerpt = BoundedText.excerpt(input);

        assertThat(excerpt.length()).isLessThanOrEqualTo(BoundedText.EXCERPT_LENGTH + 1);
        assertThat(excerpt.chars()).noneMatch(Character::isISOControl);
    }

    @ParameterizedTest
    @MethodSource("hostileStrings")
    void theIdentifierCheckAndItsPatternAgree(String candidate) {
        assertThat(Identifiers.isValid(candidate)).isEqualTo(candidate.matches(Identifiers.PATTERN));
    }

    @ParameterizedTest
    @MethodSource("hostileStrings")
    void whateverTheCommandSideStoresTheWebPatternLetsThrough(String candidate) {
        boolean printable = candidate.isBlank() || isAccepted(candidate);
        assertThat(candidate.matches(BoundedText.PATTERN) || !printable).isTrue();
    }

    static List<String> hostileStrings() {
        return HostileValues.strings(100, 200);
    }

    private static boolean isAccepted(String candidate) {
        try {
            BoundedText.require(candidate, "text", Integer.MAX_VALUE);
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }
}
