package io.ordo.integrity.service;

import io.ordo.integrity.ledger.LedgerFailure;
import java.time.Instant;

/** The auditor's last run: when, how many leaves are verified in all, and the failure it found (or null). */
public record AuditResult(Instant at, long verifiedSize, long ledgerSize, LedgerFailure failure) {}
