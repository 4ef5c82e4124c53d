package io.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedCredentialsTest {

    private static final Map<String, String> PASSWORDS = Map.of("clerk", "secret", "ab", "c");

    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for the password hash check, counting how often it is asked. */
    private final AuthenticationProvider check = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
            checks.incrementAndGet();
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

    private final RememberedCredentials remembered = new RememberedCredentials(check, Duration.ofMinutes(5), 100);

    @Test
    void aPairThatPassedIsNotCheckedAgain() {
        Authentication first = remembered.authenticate(attempt("clerk", "secret"));
        Authentication second = remembered.authenticate(attempt("clerk", "secret"));

        assertThat(checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo(first.getName());
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverLetIn() {
        remembered.authenticate(attempt("clerk", "secret"));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> remembered.authenticate(attempt("clerk", "guess")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(4);
    }

    @Test
    void anotherNameWithTheSameCharactersIsADifferentPair() {
        remembered.authenticate(attempt("ab", "c"));

        assertThatThrownBy(() -> remembered.authenticate(attempt("a", "bc")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aPairIsForgottenWhenItsTimeIsUp() {
        RememberedCredentials forgetful = new RememberedCredentials(check, Duration.ofNanos(1), 100);

        forgetful.authenticate(attempt("clerk", "secret"));
        forgetful.authenticate(attempt("clerk", "secret"));

        assertThat(checks).hasValue(2);
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
