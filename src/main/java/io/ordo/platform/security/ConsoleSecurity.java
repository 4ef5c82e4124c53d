package io.ordo.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browser console ({@code /console/**}, docs/console.md) signs in with a form and keeps a session, so, unlike the
 * stateless JSON API, it needs CSRF protection: every POST carries the session's token (a form field, or the header
 * {@code X-CSRF-TOKEN} that the console's script adds to htmx requests). The same users and sign-in throttle as the
 * API; operations screens need ADMIN, like {@code /api/admin/**}. Pages may run only the console's own scripts (CSP).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SIGN_IN = "/console/sign-in";

    /**
     * Scripts from this origin only, never inline or evaluated; inline styles are allowed because the chart library
     * and htmx's indicators set them.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.securityMatcher("/console/**", "/webjars/**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(SIGN_IN, "/console/assets/**", "/webjars/**")
                                .permitAll()
                                .requestMatchers("/console/operations/**")
                                .hasRole("ADMIN")
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).defaultSuccessUrl("/console", false))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
