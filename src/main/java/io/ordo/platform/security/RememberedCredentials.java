package io.ordo.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every request, and a password hash worth the name (bcrypt) costs tens of
 * milliseconds of CPU by design: checked every time, two cores sign in some 25 requests a second and do nothing else
 * (the benchmark found 86 % of the service's CPU in bcrypt). So a user name and password that passed the real check
 * are remembered for {@code ordo.security.remember-credentials} and a later request with exactly the same pair is let
 * in without hashing again. Only successes are remembered; a wrong password always takes the full check.
 *
 * <p>What is remembered is an HMAC of name and password under a random key made when the service starts, never the
 * password, so a heap dump reveals neither the password nor a hash that could be attacked without that key.
 */
final class RememberedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider check;
    private final Cache<String, Authentication> passed;
    private final SecretKeySpec key;

    RememberedCredentials(AuthenticationProvider check, Duration remember, int maximumUsers) {
        this.check = check;
        this.passed = Caffeine.newBuilder()
                .expireAfterWrite(remember)
                .maximumSize(maximumUsers)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getCredentials() instanceof String password)) {
            return check.authenticate(attempt);
        }
        String fingerprint = fingerprint(attempt.getName(), password);
        Authentication known = passed.getIfPresent(fingerprint);
        if (known != null) {
            UsernamePasswordAuthenticationToken again = UsernamePasswordAuthenticationToken.authenticated(
                    known.getPrincipal(), null, known.getAuthorities());
            again.setDetails(attempt.getDetails());
            return again;
        }
        Authentication authenticated = check.authenticate(attempt);
        if (authenticated != null && authenticated.isAuthenticated()) {
            passed.put(fingerprint, authenticated);
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // the name's length first, so "ab"+"c" and "a"+"bc" differ
            mac.update((name.length() + ":" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
