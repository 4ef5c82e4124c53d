package io.ordo.operations.processors;

import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operators see every event processor and rebuild a processor's read models from the event store. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorController {

    private final ProcessorOperations processors;

    ProcessorController(ProcessorOperations processors) {
        this.processors = processors;
    }

    @GetMapping
    List<ProcessorStatus> list() {
        return processors.list();
    }

    @GetMapping("/{name}")
    ProcessorStatus one(@PathVariable String name) {
        return processors
                .find(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no processor named " + name));
    }

    /** 202: the replay has started; follow its progress in {@code GET /api/admin/processors/{name}}. */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorStatus replay(
            @PathVariable String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        if (processors.find(name).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no processor named " + name);
        }
        return processors.replay(name, from);
    }

    @ExceptionHandler(ProcessorOperations.ReplayRefused.class)
    ProblemDetail refused(ProcessorOperations.ReplayRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
