package io.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.support.HttpJson;
import io.ordo.support.HttpTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With a JWT decoder in the context (which {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} gives in
 * production), bearer tokens sign users in and their {@code roles} claim decides what they may do.
 */
@HttpTest
@Import(BearerTokenTest.TokensOfATestIssuer.class)
// the only class with this configuration: closing its context stops its processors for the rest of the run
@DirtiesContext
class BearerTokenTest {

    /** Stands in for an OAuth2 issuer: two known tokens, everything else is invalid. */
    @TestConfiguration
    static class TokensOfATestIssuer {

        @Bean
        JwtDecoder jwtDecoder() {
            return token -> switch (token) {
                case "admin-token" -> jwt(token, "ops-1", List.of("USER", "ADMIN"));
                case "clerk-token" -> jwt(token, "shop-1", List.of("USER"));
                default -> throw new BadJwtException("unknown token");
            };
        }

        private static Jwt jwt(String token, String subject, List<String> roles) {
            return new Jwt(
                    token,
                    Instant.now(),
                    Instant.now().plusSeconds(300),
                    Map.of("alg", "none"),
                    Map.of("sub", subject, "roles", roles));
        }
    }

    @Autowired
    HttpJson http;

    @Test
    void aBearerTokensRolesDecideWhatItMayDo() {
        HttpJson anonymous = http.anonymous();

        assertThat(anonymous
                        .send("GET", "/api/orders", null, null, "application/json", bearer("clerk-token"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .send("GET", "/api/admin/processors", null, null, "application/json", bearer("clerk-token"))
                        .status())
                .isEqualTo(403);
        assertThat(anonymous
                        .send("GET", "/api/admin/processors", null, null, "application/json", bearer("admin-token"))
                        .status())
                .isEqualTo(200);
        assertThat(anonymous
                        .send("GET", "/api/orders", null, null, "application/json", bearer("forged"))
                        .status())
                .isEqualTo(401);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
