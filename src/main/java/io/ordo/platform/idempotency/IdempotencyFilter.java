package io.ordo.platform.idempotency;

import io.ordo.platform.CachedBodyRequest;
import io.ordo.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on a POST to the API: the first request with a key runs and its answer (status, body,
 * {@code Location} and {@code ETag}) is kept; a repeat with the same body and If-Match gets that answer again (header
 * {@code Idempotent-Replayed: true}) and changes nothing; a repeat with another body or If-Match is refused with 422,
 * one that arrives while the first still runs with 409. Keys are scoped to the authenticated user. A 5xx answer is not
 * kept, so the client may retry; nor is a claim whose request never answered (a crash, a lost connection): after
 * {@code ordo.idempotency.lease} a retry with the key runs.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /** Room for a UUID or a ULID and a prefix; the key is stored and may be logged, so nothing that could inject. */
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String givenKey = request.getHeader(HEADER);
        if (!SAFE_KEY.matcher(givenKey).matches()) {
            problem(
                    response,
                    HttpStatus.BAD_REQUEST,
                    HEADER + " must be 1 to 128 of the characters A-Z a-z 0-9 . _ : -");
            return;
        }
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached == null) {
            throw new IllegalStateException("the body-size limit reads the body before this filter runs");
        }
        String key = scope(request) + ":" + givenKey;
        String claim = UUID.randomUUID().toString();
        Optional<IdempotencyRecord> earlier = store.claim(key, claim, hash(cached));
        if (earlier.isPresent()) {
            answerAgain(earlier.get(), hash(cached), response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (IOException | ServletException | RuntimeException e) {
            store.release(key, claim);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            store.release(key, claim);
        } else {
            store.answer(
                    key,
                    claim,
                    recorded.getStatus(),
                    recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION),
                    recorded.getHeader(HttpHeaders.ETAG),
                    new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        recorded.copyBodyToResponse();
    }

    private void answerAgain(IdempotencyRecord record, String hash, HttpServletResponse response) throws IOException {
        if (!record.isFor(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "this " + HEADER + " was used for another request");
        } else if (record.isInProgress()) {
            problem(response, HttpStatus.CONFLICT, "a request with this " + HEADER + " is still being processed");
        } else {
            response.setStatus(record.status());
            response.setHeader(REPLAYED, "true");
            if (record.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, record.location());
            }
            if (record.etag() != null) {
                response.setHeader(HttpHeaders.ETAG, record.etag());
            }
            if (record.contentType() != null) {
                response.setContentType(record.contentType());
            }
            if (record.body() != null) {
                response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        problems.write(response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static String scope(HttpServletRequest request) {
        return request.getUserPrincipal() == null
                ? "anonymous"
                : request.getUserPrincipal().getName();
    }

    private static String hash(CachedBodyRequest request) {
        return RequestFingerprint.of(
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString(),
                request.getHeader(HttpHeaders.IF_MATCH),
                request.body());
    }
}
