package io.ordo.platform.live;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every stream this instance allows is open: 503 with Retry-After, as problem+json. */
public final class StreamsFull extends ErrorResponseException {

    /** Seconds a client waits before it tries again: streams close when their clients go or their lifetime ends. */
    static final int RETRY_AFTER_SECONDS = 30;

    StreamsFull(String name, int maxStreams) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(name, maxStreams), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }

    private static ProblemDetail problem(String name, int maxStreams) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "all " + maxStreams + " " + name + " streams of this instance are open; try again after Retry-After");
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
