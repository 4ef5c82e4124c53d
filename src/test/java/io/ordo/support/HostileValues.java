package io.ordo.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Inputs as a hostile client writes them, drawn from a fixed seed so a failure repeats: amounts of any digits and any
 * exponent, strings of any length with control characters, lone surrogates and characters outside the BMP. A small
 * stand-in for a property-based generator, for {@code @MethodSource}.
 */
public final class HostileValues {

    private static final long SEED = 20261130L;
    private static final String ALPHABET = "aZ09._:-/ \\\"'<>%&{}[]é€\u0000\u0007\u007f\u0085\u2028\ud800\udc00";

    private HostileValues() {}

    public static List<BigDecimal> amounts(int count) {
        Random random = new Random(SEED);
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    BigInteger unscaled = new BigInteger(1 + random.nextInt(130), random);
                    int scale = random.nextBoolean() ? random.nextInt(41) - 20 : random.nextInt();
                    BigDecimal amount = new BigDecimal(unscaled, scale);
                    return random.nextInt(4) == 0 ? amount.negate() : amount;
                })
                .toList();
    }

    public static List<String> strings(int count, int maxLength) {
        Random random = new Random(SEED);
        return IntStream.range(0, count)
                .mapToObj(i -> {
                    int length = random.nextInt(4) == 0 ? maxLength : random.nextInt(maxLength + 1);
                    StringBuilder text = new StringBuilder(length);
                    while (text.length() < length) {
                        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    return text.toString();
                })
                .toList();
    }
}
