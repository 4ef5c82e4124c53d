package io.ordo.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in users, {@code ordo.security.users}. A password may be stored encoded with its id ({@code {bcrypt}…});
 * a bare one is bcrypt-encoded when the service starts, so a plain secret from the environment works too. A name and
 * password that passed are remembered for {@code remember-credentials} (see {@link RememberedCredentials}; 0 turns it
 * off).
 */
@ConfigurationProperties("ordo.security")
record SecurityProperties(List<User> users, Duration rememberCredentials, SignInLimits signInThrottle) {

    SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rememberCredentials = rememberCredentials == null ? Duration.ofMinutes(5) : rememberCredentials;
        signInThrottle = signInThrottle == null ? new SignInLimits(0, 0, null, 0) : signInThrottle;
    }

    /**
     * {@code ordo.security.sign-in-throttle}: at most {@code failures-per-user-name} failed sign-ins per name and
     * {@code failures-per-address} per client address in each {@code window}; buckets of at most
     * {@code maximum-tracked} names and addresses are kept (see {@code SignInThrottle}).
     */
    record SignInLimits(int failuresPerUserName, int failuresPerAddress, Duration window, int maximumTracked) {

        SignInLimits {
            failuresPerUserName = failuresPerUserName <= 0 ? 10 : failuresPerUserName;
            failuresPerAddress = failuresPerAddress <= 0 ? 50 : failuresPerAddress;
            window = window == null || window.isZero() || window.isNegative() ? Duration.ofMinutes(1) : window;
            maximumTracked = maximumTracked <= 0 ? 100_000 : maximumTracked;
        }
    }

    record User(String name, String password, List<String> roles) {

        User {
            if (name == null || name.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("every user in ordo.security.users needs a name and a password");
            }
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
