package io.ordo.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.ordo.shared.Money;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads a money amount from a request body and refuses, while the body is parsed, one that money cannot have:
 * {@link Money#requireBounded}. Jackson's own limits count characters, and {@code 1e100000000} is short; its cost comes
 * only with the first arithmetic on it. Put on request fields ({@code @JsonDeserialize(using = ...)}) and not on the
 * global mapper, which also reads stored events and must read them as they were written.
 */
public class BoundedAmountDeserializer extends StdScalarDeserializer<BigDecimal> {

    public BoundedAmountDeserializer() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        BigDecimal amount = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
        if (amount == null) {
            return null;
        }
        try {
            return Money.requireBounded(amount);
        } catch (IllegalArgumentException outOfRange) {
            throw new OutOfRange(parser, outOfRange.getMessage());
        }
    }

    /** An amount refused for its size; its message states the bound and never the number. */
    public static final class OutOfRange extends InvalidFormatException {

        OutOfRange(JsonParser parser, String message) {
            super(parser, message, null, BigDecimal.class);
        }
    }
}
