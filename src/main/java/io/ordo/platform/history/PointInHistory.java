package io.ordo.platform.history;

import io.ordo.shared.AsOf;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The request side of time travel, the same for every aggregate's {@code /history}: which point the client asked for
 * ({@code ?at=} an instant or {@code ?version=} a version, exactly one), and the 404 that says why there is nothing at
 * that point.
 */
public final class PointInHistory {

    private PointInHistory() {}

    /** The point named by exactly one of {@code at} and {@code version}; both or neither is a 400. */
    public static AsOf of(Instant at, Long version) {
        if ((at == null) == (version == null)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "give exactly one of at (an ISO-8601 instant) and version");
        }
        return at != null ? AsOf.at(at) : AsOf.version(version);
    }

    /** A 404 for {@code what} (e.g. "order 1001"), saying whether the version was never reached or it did not exist. */
    public static ResponseStatusException notFound(String what, AsOf asOf) {
        String detail = asOf.version() != null
                ? what + " never had version " + asOf.version()
                : what + " did not exist at " + asOf.at();
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
