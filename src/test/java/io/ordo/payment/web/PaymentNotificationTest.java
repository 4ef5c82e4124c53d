package io.ordo.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.platform.web.BoundedAmountDeserializer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook body's bounds where it is parsed and validated, whoever parses it: the signed webhook reads the raw body
 * itself, so these hold without the HTTP stack.
 */
class PaymentNotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final jakarta.validation.ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @ParameterizedTest
    @ValueSource(strings = {"1e100000000", "1e-100000000", "1234567890123456", "\"1e100000000\""})
    void anAmountMoneyCannotHaveIsRefusedWhileTheBodyIsParsed(String amount) {
        String body = "{\"providerReference\":\"psp-1\",\"outcome\":\"AUTHORIZED\",\"amount\":" + amount + "}";

        assertThatThrownBy(() -> JSON.readValue(body, PaymentNotification.class))
                .isInstanceOf(BoundedAmountDeserializer.OutOfRange.class)
                .satisfies(refused -> assertThat(((BoundedAmountDeserializer.OutOfRange) refused).getOriginalMessage())
                        .hasSizeLessThan(100));
    }

    @Test
    void anAmountWithThreeDecimalsIsInvalid() throws Exception {
        PaymentNotification notification = JSON.readValue(
                "{\"providerReference\":\"psp-1\",\"outcome\":\"AUTHORIZED\",\"amount\":12.345}",
                PaymentNotification.class);

        assertThat(violations(notification)).containsExactly("amount");
    }

    @Test
    void aNegativeAmountIsInvalid() throws Exception {
        PaymentNotification notification = JSON.readValue(
                "{\"providerReference\":\"psp-1\",\"outcome\":\"AUTHORIZED\",\"amount\":-12.50}",
                PaymentNotification.class);

        assertThat(violations(notification)).containsExactly("amount");
    }

    @Test
    void aProviderReferenceThatIsNotAnIdentifierIsInvalid() throws Exception {
        PaymentNotification notification = JSON.readValue(
                "{\"providerReference\":\"" + "p".repeat(65) + "\",\"outcome\":\"AUTHORIZED\",\"amount\":12.50}",
                PaymentNotification.class);

        assertThat(violations(notification)).contains("providerReference");
    }

    @Test
    void theProvidersUsualDeliveryIsValid() throws Exception {
        PaymentNotification notification = JSON.readValue(
                "{\"providerReference\":\"psp-4711\",\"outcome\":\"AUTHORIZED\",\"amount\":12.75}",
                PaymentNotification.class);

        assertThat(violations(notification)).isEmpty();
    }

    private static Set<String> violations(PaymentNotification notification) {
        return VALIDATOR.validate(notification).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(java.util.stream.Collectors.toSet());
    }
}
