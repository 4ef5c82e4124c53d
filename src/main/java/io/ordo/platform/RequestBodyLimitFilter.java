package io.ordo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code ordo.http.max-body-size} (64 KiB) with 413, whether it announces its length or
 * streams it in chunks, before anything parses it. The body read here is handed on, so no one reads it twice. Every
 * request is limited, whatever its path: a limit that matched paths would have to match them exactly as Spring does
 * ({@code /%61pi/orders} is {@code /api/orders} to Spring), and no endpoint takes a larger body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(@Value("${ordo.http.max-body-size:64KB}") DataSize limit, ProblemWriter problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) limit + 1);
        if (body.length > limit) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit + " bytes");
        problem.setInstance(URI.create(request.getRequestURI()));
        problems.write(response, problem);
    }
}
