package io.ordo.operations.history;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

public record AuditTrail(String aggregateType, String aggregateId, List<AuditEntry> events) {

    AuditTrail requireFound() {
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, aggregateId + " does not exist");
        }
        return this;
    }
}
