package io.ordo.operations.processors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
@Tag(name = "Operations")
class ProcessorController {

    private final ProcessorOperations processors;

    ProcessorController(ProcessorOperations processors) {
        this.processors = processors;
    }

    @Operation(summary = "Every event processor", description = "Status, segments, position and problems.")
    @GetMapping
    List<ProcessorStatus> processors() {
        return processors.list();
    }

    @Operation(summary = "One event processor", description = "Also the progress of its replay.")
    @GetMapping("/{name}")
    ProcessorStatus processor(@PathVariable String name) {
        return processors
                .find(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no processor named " + name));
    }

    /**
     * 202: the replay has started; follow its progress in {@code GET /api/admin/processors/{name}}.
     *
     * <p>Always a full rebuild. A replay from an instant is refused (400), whatever the instant: the
     * {@code @ResetHandler}s empty the whole read model, so a replay from anywhere but the first event would lose every
     * row it does not re-read, and a reset that deleted only what the replay rebuilds cannot be exact here, because an
     * order placed before the instant still receives events after it (its row would need events from before the
     * instant). A full rebuild is what the read side is anyway: a function of every event.
     */
    @Operation(
            summary = "Rebuild a processor's read models from the first event",
            description = "Stops the processor, empties its read models and dead-letter queue and replays every event"
                    + " from the first one. Answers 202 at once; GET /api/admin/processors/{name} shows the progress."
                    + " Always a full rebuild: `from` (a replay from an instant) is refused with 400, because the"
                    + " reset empties the whole read model. 409 while a replay runs or for a processor that must not"
                    + " replay.")
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorStatus replayProcessor(
            @PathVariable String name, @Parameter(hidden = true) @RequestParam(required = false) String from) {
        if (from != null) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "a replay always rebuilds from the first event; from= is not supported, since the reset empties"
                            + " the whole read model");
        }
        if (processors.find(name).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no processor named " + name);
        }
        return processors.replay(name);
    }

    @ExceptionHandler(ProcessorOperations.ReplayRefused.class)
    ProblemDetail refused(ProcessorOperations.ReplayRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
