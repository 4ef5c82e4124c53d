package io.ordo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Throttles guessing: every failed sign-in takes a token from the bucket of its user name and from the bucket of its
 * client address; while either bucket is empty, a sign-in with that name or from that address is refused with
 * {@link SignInThrottledException} (429) before the password is even looked at, so an attacker can neither guess on
 * nor make the service spend bcrypt on the guesses. Buckets refill steadily ({@code failures} per {@code window}), so a
 * blocked name is let in again a few seconds at a time, never faster than the configured rate.
 *
 * <p>While a name is blocked its right password is refused too: otherwise the block would tell the attacker which
 * guess was right. Other names and other addresses are untouched, so one attacker's failures cannot lock everyone out
 * (only, per address, those who share the attacker's address). Both maps of buckets are bounded: a flood of invented
 * names evicts the oldest buckets, it does not fill the heap.
 */
final class SignInThrottle implements AuthenticationProvider {

    private final AuthenticationProvider check;
    private final Cache<String, Bucket> names;
    private final Cache<String, Bucket> addresses;
    private final Bandwidth perName;
    private final Bandwidth perAddress;

    SignInThrottle(AuthenticationProvider check, SecurityProperties.SignInLimits limits) {
        this.check = check;
        this.perName = refilling(limits.failuresPerUserName(), limits.window());
        this.perAddress = refilling(limits.failuresPerAddress(), limits.window());
        this.names = buckets(limits);
        this.addresses = buckets(limits);
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Bucket name = names.get(attempt.getName().toLowerCase(Locale.ROOT), any -> bucket(perName));
        Bucket address = addresses.get(addressOf(attempt), any -> bucket(perAddress));
        long nanosToWait = Math.max(nanosUntilAGuess(name), nanosUntilAGuess(address));
        if (nanosToWait > 0) {
            throw new SignInThrottledException(Duration.ofNanos(nanosToWait));
        }
        try {
            return check.authenticate(attempt);
        } catch (AuthenticationException failed) {
            name.tryConsume(1);
            address.tryConsume(1);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return check.supports(authentication);
    }

    private static long nanosUntilAGuess(Bucket bucket) {
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private static String addressOf(Authentication attempt) {
        // the servlet's remote address: behind a proxy, set server.forward-headers-strategy so it is the client's
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    private static Bandwidth refilling(int failures, Duration window) {
        return Bandwidth.builder()
                .capacity(failures)
                .refillGreedy(failures, window)
                .build();
    }

    private static Bucket bucket(Bandwidth limit) {
        return Bucket.builder().addLimit(limit).build();
    }

    private static Cache<String, Bucket> buckets(SecurityProperties.SignInLimits limits) {
        // a bucket untouched for a whole window is full again: forgetting it changes nothing
        return Caffeine.newBuilder()
                .expireAfterAccess(limits.window())
                .maximumSize(limits.maximumTracked())
                .build();
    }
}
