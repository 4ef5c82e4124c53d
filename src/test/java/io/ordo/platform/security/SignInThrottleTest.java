package io.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class SignInThrottleTest {

    private static final Map<String, String> PASSWORDS = Map.of("clerk", "secret", "admin", "admin-secret");

    private final AtomicInteger hashes = new AtomicInteger();

    /** Stands in for the password hash, counting how often it runs. */
    private final AuthenticationProvider check = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            hashes.incrementAndGet();
            if (!attempt.getCredentials().equals(PASSWORDS.get(attempt.getName()))) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    attempt.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_USER")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final SignInThrottle throttle =
            new SignInThrottle(check, new SecurityProperties.SignInLimits(3, 5, Duration.ofMinutes(1), 100));

    @Test
    void aNameThatFailedTooOftenIsRefusedWithoutHashingEvenWithTheRightPassword() {
        failTimes("clerk", "10.0.0.1", 3);
        int hashesBefore = hashes.get();

        assertThatThrownBy(() -> throttle.authenticate(attempt("clerk", "guess", "10.0.0.1")))
                .isInstanceOf(SignInThrottledException.class);
        assertThatThrownBy(() -> throttle.authenticate(attempt("clerk", "secret", "10.0.0.2")))
                .isInstanceOf(SignInThrottledException.class)
                .satisfies(e -> assertThat(((SignInThrottledException) e).retryAfterSeconds())
                        .isBetween(1L, 60L));
        assertThat(hashes).hasValue(hashesBefore);
    }

    @Test
    void anotherNameIsNotBlockedByFailuresOnOne() {
        failTimes("clerk", "10.0.0.1", 3);

        assertThat(throttle.authenticate(attempt("admin", "admin-secret", "10.0.0.1"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedForEveryName() {
        for (int name = 0; name < 5; name++) {
            failTimes("invented-" + name, "10.6.6.6", 1);
        }

        assertThatThrownBy(() -> throttle.authenticate(attempt("admin", "admin-secret", "10.6.6.6")))
                .isInstanceOf(SignInThrottledException.class);
        assertThat(throttle.authenticate(attempt("admin", "admin-secret", "10.0.0.9"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void successesCostNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.authenticate(attempt("clerk", "secret", "10.0.0.1"))
                            .isAuthenticated())
                    .isTrue();
        }
        failTimes("clerk", "10.0.0.1", 2);

        assertThat(throttle.authenticate(attempt("clerk", "secret", "10.0.0.1")).isAuthenticated())
                .isTrue();
    }

    @Test
    void userNamesAreCountedWhateverTheirCase() {
        failTimes("Clerk", "10.0.0.1", 2);
        failTimes("CLERK", "10.0.0.2", 1);

        assertThatThrownBy(() -> throttle.authenticate(attempt("clerk", "secret", "10.0.0.3")))
                .isInstanceOf(SignInThrottledException.class);
    }

    private void failTimes(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> throttle.authenticate(attempt(name, "wrong", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private static Authentication attempt(String name, String password, String address) {
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
