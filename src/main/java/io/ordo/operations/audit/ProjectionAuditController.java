package io.ordo.operations.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Operators check a projection's live tables against a rebuild from the event store, and see the last result. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Operations")
class ProjectionAuditController {

    private static final String NAME = "The projection: its event processor's name. Any other name is a 404.";

    private final ProjectionAuditor auditor;

    ProjectionAuditController(ProjectionAuditor auditor) {
        this.auditor = auditor;
    }

    @Operation(
            summary = "Audit a projection against the event store",
            description = "Rebuilds the projection (its processor's name: orders, customers or products) from every"
                    + " event into shadow tables beside the live ones, which keep serving and are never paused, waits"
                    + " (at most ordo.audit.live-timeout) until the live processor has passed the same position, and"
                    + " compares every row and column. Answers 202 at once with the running audit; GET the same path"
                    + " for the result: every row that is missing in the live tables, extra in them or different"
                    + " (naming the columns), with the order or product it belongs to; at most ordo.audit.max-differences"
                    + " (100) listed, all counted. 409 while an audit of the projection runs or its processor replays.")
    @ApiResponse(responseCode = "202", description = "The audit started; it answers as RUNNING")
    @PostMapping("/{name}/audit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionAudit startAudit(
            @PathVariable
                    @Parameter(
                            description = NAME,
                            schema = @Schema(allowableValues = {"customers", "orders", "products"}))
                    String name) {
        return auditor.start(known(name));
    }

    @Operation(
            summary = "The last audit of a projection",
            description = "The running audit (status RUNNING, with its phase and the events replayed so far), or else"
                    + " the last finished one, kept in the database (any instance answers it, after a restart too):"
                    + " COMPLETED with the differences, or FAILED with the failure. 404 before the first audit. Differences are listed by table, then owner"
                    + " (the order or product id) and key; unsettledOwners counts aggregates still changing at the"
                    + " last re-check, whose rows are not reported.")
    @GetMapping("/{name}/audit")
    ProjectionAudit audit(
            @PathVariable
                    @Parameter(
                            description = NAME,
                            schema = @Schema(allowableValues = {"customers", "orders", "products"}))
                    String name) {
        return auditor.latest(known(name))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "this projection has not been audited since the instance started"));
    }

    /** The name as given, if it names an audited projection; the answer does not repeat an unknown one. */
    private String known(String name) {
        if (!auditor.projections().contains(name)) {
            throw new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no projection of that name; the audited ones are " + auditor.projections());
        }
        return name;
    }

    @ExceptionHandler(ProjectionAuditor.AuditRefused.class)
    ProblemDetail refused(ProjectionAuditor.AuditRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
