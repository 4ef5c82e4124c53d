package io.ordo.platform.security;

import io.ordo.platform.CachedBodyRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.util.WebUtils;

/**
 * The payment webhook, {@code /api/payments/**}, is the payment provider's alone: a chain of its own, ahead of the
 * API's, that knows no users and no passwords (a clerk's or admin's Basic credentials count for nothing here) and lets
 * a delivery in only when its {@link WebhookSignature} verifies over the exact bytes of the body. The body was read,
 * within the size limit, by the body-limit filter before this chain runs; the signature is checked on those bytes,
 * the controller parses the same bytes. A verified delivery is signed in as {@value #PROVIDER}, which is what the
 * events it causes record as their principal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentWebhookProperties.class)
class PaymentWebhookSecurity {

    static final String PROVIDER = "payment-provider";
    static final String ROLE = "PAYMENT_PROVIDER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain paymentWebhook(
            HttpSecurity http, PaymentWebhookProperties properties, ProblemResponses problems) throws Exception {
        WebhookSignature signature =
                new WebhookSignature(properties.webhookSecret(), properties.signatureTolerance(), Clock.systemUTC());
        AuthenticationFilter signedDeliveries =
                new AuthenticationFilter(verifiedBy(signature), PaymentWebhookSecurity::delivery);
        signedDeliveries.setSuccessHandler((request, response, authentication) -> {});
        signedDeliveries.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems.signatureRequired()));
        http.securityMatcher("/api/payments/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(signedDeliveries, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ROLE))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.signatureRequired())
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** The delivery as the provider signed it: its signature header and the raw body, or none without a header. */
    private static Authentication delivery(HttpServletRequest request) {
        String header = request.getHeader(WebhookSignature.HEADER);
        if (header == null) {
            return null;
        }
        CachedBodyRequest body = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (body == null) {
            throw new IllegalStateException("the body-size limit reads the body before security runs");
        }
        return new PreAuthenticatedAuthenticationToken(header, body.body());
    }

    private static AuthenticationManager verifiedBy(WebhookSignature signature) {
        return delivery -> {
            signature.verify((String) delivery.getPrincipal(), (byte[]) delivery.getCredentials());
            return new PreAuthenticatedAuthenticationToken(
                    PROVIDER, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        };
    }
}
