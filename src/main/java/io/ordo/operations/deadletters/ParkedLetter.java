package io.ordo.operations.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One parked event in full, for an operator deciding whether to retry or evict it: its payload as JSON, cut at
 * {@link DeadLetterOperations#PAYLOAD_LIMIT} characters ({@code payloadTruncated} says so), and the diagnostics Axon
 * keeps with the letter; {@code retries} counts the retries that failed (CountedRetries).
 */
public record ParkedLetter(
        String processor,
        String sequenceId,
        String eventId,
        String type,
        Long sequenceNumber,
        Instant timestamp,
        Instant enqueuedAt,
        Instant lastTouched,
        String causeType,
        String cause,
        long retries,
        Map<String, String> diagnostics,
        String payloadJson,
        boolean payloadTruncated) {}
