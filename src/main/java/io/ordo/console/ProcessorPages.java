package io.ordo.console;

import io.ordo.operations.OperatorTools;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The operations screen (ADMIN, ConsoleSecurity): every event processor with its state, lag, segments and their
 * owners and last audit; a replay with its progress, polled by the page only while it runs; splitting and merging
 * segments. Every action answers with the fragment it changed.
 */
@Controller
@RequestMapping("/console/operations")
class ProcessorPages {

    /** A processor's name as Axon and the configuration spell them; anything else is a 400 before any lookup. */
    static final String NAME = "[A-Za-z0-9._-]{1,100}";

    /** Far more segments than a processor can use; keeps a segment id a small number. */
    static final int MAX_SEGMENT = 1 << 16;

    private static final String FRAGMENTS = "console/operations/fragments";

    private final OperatorTools operations;

    ProcessorPages(OperatorTools operations) {
        this.operations = operations;
    }

    @GetMapping({"", "/"})
    String processors(Model model) {
        model.addAttribute("processors", operations.processors());
        return "console/operations/processors";
    }

    /** Polled about once a second by a running replay's bar; its answer stops the polling once the replay is done. */
    @GetMapping("/processors/{name}/replay")
    String replayProgress(@PathVariable @Pattern(regexp = NAME) String name, Model model) {
        model.addAttribute("replay", ReplayBar.of(operations.replayProgress(name)));
        return FRAGMENTS + " :: replay";
    }

    @PostMapping("/processors/{name}/replay")
    String replay(@PathVariable @Pattern(regexp = NAME) String name, Model model) {
        model.addAttribute("replay", ReplayBar.of(operations.replay(name)));
        return FRAGMENTS + " :: replay";
    }

    @PostMapping("/processors/{name}/segments/{segment}/split")
    String split(
            @PathVariable @Pattern(regexp = NAME) String name,
            @PathVariable @Min(0) @Max(MAX_SEGMENT) int segment,
            Model model) {
        model.addAttribute("p", operations.split(name, segment));
        model.addAttribute("done", "Segment " + segment + " was split in two.");
        return FRAGMENTS + " :: processor";
    }

    @PostMapping("/processors/{name}/segments/{segment}/merge")
    String merge(
            @PathVariable @Pattern(regexp = NAME) String name,
            @PathVariable @Min(0) @Max(MAX_SEGMENT) int segment,
            Model model) {
        model.addAttribute("p", operations.merge(name, segment));
        model.addAttribute("done", "Segment " + segment + " was merged with its sibling.");
        return FRAGMENTS + " :: processor";
    }
}
