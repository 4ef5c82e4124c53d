package io.ordo.console;

import io.ordo.operations.OperatorTools;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A processor's dead letters (ADMIN): its parked sequences, one parked event in full, retrying and evicting a
 * sequence. Sequence and event ids travel as parameters, not in the path: an aggregate id may hold any character.
 */
@Controller
@RequestMapping("/console/operations/dead-letters/{processor}")
class DeadLetterPages {

    /** The longest aggregate id the store takes is 255 characters; event ids are UUIDs. */
    private static final int MAX_SEQUENCE = 255;

    private static final int MAX_EVENT_ID = 100;

    private static final String FRAGMENTS = "console/operations/fragments";

    private final OperatorTools operations;

    DeadLetterPages(OperatorTools operations) {
        this.operations = operations;
    }

    @GetMapping
    String parked(@PathVariable @Pattern(regexp = ProcessorPages.NAME) String processor, Model model) {
        model.addAttribute("parked", operations.parked(processor));
        return "console/operations/dead-letters";
    }

    @GetMapping("/letter")
    String letter(
            @PathVariable @Pattern(regexp = ProcessorPages.NAME) String processor,
            @RequestParam @NotBlank @Size(max = MAX_SEQUENCE) String sequence,
            @RequestParam @NotBlank @Size(max = MAX_EVENT_ID) String event,
            Model model) {
        model.addAttribute("letter", operations.parkedEvent(processor, sequence, event));
        return "console/operations/letter";
    }

    @PostMapping("/retry")
    String retry(
            @PathVariable @Pattern(regexp = ProcessorPages.NAME) String processor,
            @RequestParam @NotBlank @Size(max = MAX_SEQUENCE) String sequence,
            Model model) {
        boolean handled = operations.retry(processor, sequence);
        model.addAttribute(
                handled ? "done" : "stillFailing",
                handled
                        ? "The events of " + sequence + " were handled and left the queue."
                        : "The events of " + sequence + " failed again and stay parked; see the cause.");
        model.addAttribute("parked", operations.parked(processor));
        return FRAGMENTS + " :: parked";
    }

    @PostMapping("/evict")
    String evict(
            @PathVariable @Pattern(regexp = ProcessorPages.NAME) String processor,
            @RequestParam @NotBlank @Size(max = MAX_SEQUENCE) String sequence,
            Model model) {
        operations.evict(processor, sequence);
        model.addAttribute("done", "The events of " + sequence + " were evicted: they will never be handled.");
        model.addAttribute("parked", operations.parked(processor));
        return FRAGMENTS + " :: parked";
    }
}
