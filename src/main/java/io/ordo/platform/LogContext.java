package io.ordo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts what a log line of a request should say about it into the logging context (MDC), beside the {@code requestId}
 * of {@link RequestIdFilter}: the signed-in {@code principal} and every identifier in the path ({@code orderId},
 * {@code productId}, {@code customerId}: the path variables whose names end in {@code Id}). The structured (JSON) logs
 * write each as a field; the text logs keep only the request id. Set once the request is signed in and matched to a
 * controller, so lines from the security filters before carry the request id alone. A path value is copied only when
 * it is a sensible token, as the request id is: the controller has not validated it yet, and a log field must not be
 * forgeable or unbounded.
 */
@Configuration(proxyBeanMethods = false)
class LogContext implements WebMvcConfigurer {

    static final String PRINCIPAL = CorrelationConfiguration.PRINCIPAL;

    private static final String KEYS = LogContext.class.getName() + ".keys";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Interceptor());
    }

    private static final class Interceptor implements AsyncHandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            List<String> keys = new ArrayList<>();
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null
                    && signedIn.isAuthenticated()
                    && !(signedIn instanceof AnonymousAuthenticationToken)
                    && LogValues.sensible(signedIn.getName())) {
                put(keys, PRINCIPAL, signedIn.getName());
            }
            if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> {
                    if (name instanceof String key
                            && key.endsWith("Id")
                            && value instanceof String id
                            && LogValues.sensible(id)) {
                        put(keys, key, id);
                    }
                });
            }
            request.setAttribute(KEYS, keys);
            return true;
        }

        @Override
        public void afterConcurrentHandlingStarted(
                HttpServletRequest request, HttpServletResponse response, Object handler) {
            // the request thread goes back to the pool while the answer is awaited elsewhere
            clear(request);
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            clear(request);
        }

        private static void put(List<String> keys, String key, String value) {
            MDC.put(key, value);
            keys.add(key);
        }

        private static void clear(HttpServletRequest request) {
            if (request.getAttribute(KEYS) instanceof List<?> keys) {
                keys.forEach(key -> MDC.remove((String) key));
            }
        }
    }
}
