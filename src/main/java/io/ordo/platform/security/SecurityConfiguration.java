package io.ordo.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: health, info and the API description are open; {@code /api/admin/**} and the rest of the actuator
 * need the role ADMIN; everything else, the API and any path not named here, an authenticated user (deny by default).
 * The payment webhook has a chain of its own ({@link PaymentWebhookSecurity}). Users sign in with HTTP Basic against
 * {@code ordo.security.users}, or, when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set, with a
 * bearer token whose {@code roles} claim lists their roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final int MAXIMUM_REMEMBERED = 10_000;

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ObjectProvider<JwtDecoder> jwt)
            throws Exception {
        http
                // a stateless JSON API signed into on every request: no session, so no cross-site request to forge
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/admin/**", "/actuator/**")
                        .hasRole("ADMIN")
                        // deny by default: whatever is not named above needs a signed-in user
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(token -> token.jwtAuthenticationConverter(SecurityConfiguration::rolesFromClaim)));
        }
        return http.build();
    }

    /**
     * The users above, checked by password hash, each pair that passed remembered for a while; the throttle first, so
     * a name or address that failed too often costs no hash at all.
     */
    @Bean
    AuthenticationProvider passwords(SecurityProperties properties, PasswordEncoder passwords) {
        InMemoryUserDetailsManager users = users(properties, passwords);
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(passwords);
        check.setUserDetailsService(users);
        check.setUserDetailsPasswordService(users);
        AuthenticationProvider remembering = properties.rememberCredentials().isZero()
                ? check
                : new RememberedCredentials(check, properties.rememberCredentials(), MAXIMUM_REMEMBERED);
        return new SignInThrottle(remembering, properties.signInThrottle());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static InMemoryUserDetailsManager users(SecurityProperties properties, PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.name())
                        .password(encoded(user.password(), passwords))
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList());
    }

    private static String encoded(String password, PasswordEncoder passwords) {
        return password.startsWith("{") ? password : passwords.encode(password);
    }

    private static AbstractAuthenticationToken rolesFromClaim(Jwt jwt) {
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        Collection<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
