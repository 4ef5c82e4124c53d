package io.ordo.platform.security;

import io.ordo.platform.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403, 429 (sign-in throttled) and the firewall's 400 as RFC 9457 problem+json, like every other error the API
 * gives.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ProblemWriter problems;

    ProblemResponses(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too many failed sign-ins: try again later");
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ordo\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "sign in: this endpoint needs an authenticated user");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "your user may not do this");
    }

    /** 401 for a payment webhook delivery without a valid signature: no Basic challenge, no user can sign in there. */
    AuthenticationEntryPoint signatureRequired() {
        return (request, response, e) -> write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                e instanceof BadCredentialsException bad
                        ? bad.getMessage()
                        : "a payment delivery needs a valid " + WebhookSignature.HEADER + " header");
    }

    /** Spring Security's firewall refused the request (an unsafe path or header); the default is a bare 400. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        // no instance: the path itself may be what was refused, and need not even be a valid URI
        write(
                response,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "the request was refused: its path or headers are not allowed"));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        write(response, problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        problems.write(response, problem);
    }
}
