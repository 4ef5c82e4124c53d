package io.ordo.integrity.web;

import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.document.InclusionProofDocument;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.sql.SQLException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proof that one of an order's events is in the ledger, as sealed, under a signed checkpoint. */
@RestController
@ConditionalOnLedger
@Tag(name = "Integrity")
class EventProofController {

    private final LedgerProofs proofs;

    EventProofController(LedgerProofs proofs) {
        this.proofs = proofs;
    }

    @Operation(
            summary = "Inclusion proof of an order's event",
            description = "The event's sealed envelope, its leaf hash recomputed from the stored event, and the RFC"
                    + " 9162 audit path to the root of the latest signed checkpoint (or of ?treeSize=, with that"
                    + " size's checkpoint when one was signed). If the stored event was changed, the leaf hash no"
                    + " longer verifies. 404 when the event is not sealed yet (or there is none) or no checkpoint is"
                    + " signed yet; 400 when treeSize does not hold the event or exceeds the ledger.")
    @GetMapping("/api/orders/{orderId}/events/{sequence}/proof")
    InclusionProofDocument proof(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @PathVariable
                    @Min(0)
                    @Max(Integer.MAX_VALUE)
                    @Parameter(description = "The event's sequence number in" + " the order, from 0")
                    long sequence,
            @RequestParam(required = false)
                    @Min(1)
                    @Max(IntegrityController.MAX_TREE_SIZE)
                    @Parameter(description = "Prove against this tree size instead of the latest checkpoint's")
                    Long treeSize)
            throws SQLException {
        return proofs.inclusion("Order", orderId, sequence, treeSize);
    }
}
