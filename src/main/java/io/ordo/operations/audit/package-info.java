/**
 * The read side audited: a projection rebuilt from the event store into shadow tables beside its live ones, compared
 * row by row, and the last result kept for operators (ADMIN) and metrics.
 */
package io.ordo.operations.audit;
