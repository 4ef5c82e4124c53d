package io.ordo.operations.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operators see which events are parked and why, retry them once the cause is fixed, or give up on a sequence. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(
        name = "Operations",
        description =
                "For operators (role ADMIN): event processors, dead letters, projection audits and the ledger's verification")
class DeadLetterController {

    private final DeadLetterOperations deadLetters;

    DeadLetterController(DeadLetterOperations deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(
            summary = "Parked events of every processor",
            description = "Per processor with a dead-letter queue: each parked sequence, its events and why.")
    @GetMapping
    List<DeadLetterView> deadLetters() {
        return deadLetters.list();
    }

    @Operation(summary = "Parked events of one processor", description = "Each parked sequence, its events and why.")
    @GetMapping("/{processor}")
    DeadLetterView deadLettersOf(@PathVariable String processor) {
        return deadLetters.find(processor).orElseThrow(() -> noQueue(processor));
    }

    @Operation(summary = "Retry the parked events", description = "Answers how many sequences are still parked.")
    @PostMapping("/{processor}/retry")
    Map<String, Object> retryDeadLetters(@PathVariable String processor) {
        long stillParked = deadLetters.retry(processor).orElseThrow(() -> noQueue(processor));
        return Map.of("processor", processor, "sequencesStillParked", stillParked);
    }

    @Operation(summary = "Give up on a parked sequence", description = "Its events are dropped from the queue.")
    @DeleteMapping("/{processor}/{sequenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> evictDeadLetter(@PathVariable String processor, @PathVariable String sequenceId) {
        if (!deadLetters.hasQueue(processor)) {
            throw noQueue(processor);
        }
        if (!deadLetters.evict(processor, sequenceId)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "nothing of " + sequenceId + " is parked in " + processor);
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseStatusException noQueue(String processor) {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND, "processor " + processor + " has no dead-letter queue");
    }
}
