package io.ordo.integrity.web;

import io.ordo.integrity.ConditionalOnLedger;
import io.ordo.integrity.service.VerificationJob;
import io.ordo.integrity.service.VerificationJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A full verification of the ledger for operators, as a job: it may take longer than an HTTP request should, so the
 * POST answers at once (202, Location of the job) and the job is polled until it has PASSED or FAILED.
 */
@RestController
@ConditionalOnLedger
@Tag(name = "Operations")
class VerificationController {

    private static final String PATH = "/api/admin/integrity/verify";
    private static final String JOB_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A waiting request holds a Tomcat thread: bounded well below proxies' usual 60 s time-outs. */
    static final int MAX_WAIT_SECONDS = 30;

    private final VerificationJobs jobs;

    VerificationController(VerificationJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(
            summary = "Verify the whole ledger",
            description = "Starts a full verification from the first leaf (or answers the one already running):"
                    + " every leaf recomputed from the stored event bytes, every checkpoint's signature and root"
                    + " checked. Poll the job at Location; a FAILED job names the first broken ledger index and"
                    + " what is wrong there (PAYLOAD_CHANGED, METADATA_CHANGED, EVENT_CHANGED, EVENT_MISSING,"
                    + " EVENT_INSERTED, ORDER_CHANGED, CHECKPOINT_SIGNATURE_INVALID, ROOT_MISMATCH,"
                    + " STORED_TREE_CHANGED).")
    @ApiResponse(
            responseCode = "202",
            description = "Started (or already running): the job, and its Location to poll",
            headers = @Header(name = "Location", description = "The job: GET it for progress and result"))
    @PostMapping(PATH)
    ResponseEntity<VerificationJob> verify() {
        VerificationJob job = jobs.start();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(PATH + "/" + job.id()))
                .body(job);
    }

    @Operation(
            summary = "A verification's progress and result",
            description = "RUNNING with the leaves verified so far, then PASSED or FAILED (with the failure), or ERROR"
                    + " when it could not run to the end. With waitSeconds, answers as soon as the job has ended, or"
                    + " after that many seconds (still RUNNING) at the latest. The last 20 jobs are kept, in memory.")
    @GetMapping(PATH + "/{jobId}")
    VerificationJob job(
            @PathVariable @Pattern(regexp = JOB_ID, message = "must be a job id (a UUID)") String jobId,
            @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(MAX_WAIT_SECONDS)
                    @Parameter(description = "Wait up to this many seconds for the job to end (0: answer at once)")
                    int waitSeconds)
            throws InterruptedException {
        return jobs.await(jobId, Duration.ofSeconds(waitSeconds))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no verification job " + jobId));
    }
}
