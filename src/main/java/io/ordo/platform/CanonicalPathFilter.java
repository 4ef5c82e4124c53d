package io.ordo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400, before the body is read, a path that is not written the one way Spring matches it: an empty
 * segment ({@code //}), a dot segment ({@code /./}, {@code /../}) or a percent-encoded character that needs no encoding
 * (RFC 3986's unreserved letters, digits and {@code -._~}, as in {@code /%61pi}), an encoded slash, backslash, percent sign
 * or control character. Spring decodes and normalises such paths before matching them to a controller, while a filter that
 * reads {@link HttpServletRequest#getRequestURI()} sees them raw; refusing them here means every filter after this
 * one sees the path Spring sees. A client never needs these spellings: a path segment that really holds such a
 * character (a space, a non-ASCII letter) is encoded as before and still accepted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Pattern NOT_CANONICAL = Pattern.compile(
            "//|/\\.{1,2}(/|$)|%(?i:[46][1-9A-F]|[57][0-9A]|3[0-9]|2[DE]|5F|7E|2F|5C|25|[01][0-9A-F]|7F)");

    private final ProblemWriter problems;

    CanonicalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isCanonical(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(
                response,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "the path is not in canonical form: no empty or dot segments, and no percent-encoded letters, digits,"
                                + " '-', '.', '_', '~', '/', '\\' or '%'"));
    }

    static boolean isCanonical(String path) {
        return !NOT_CANONICAL.matcher(path).find();
    }
}
