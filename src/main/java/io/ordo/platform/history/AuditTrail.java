package io.ordo.platform.history;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Every event one aggregate had, with its metadata, straight from the event store. */
public record AuditTrail(String aggregateType, String aggregateId, List<AuditEntry> events) {

    /** This trail, or a 404 naming {@code what} (e.g. "order 1001") when the aggregate has no event at all. */
    public AuditTrail orNotFound(String what) {
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, what + " does not exist");
        }
        return this;
    }
}
