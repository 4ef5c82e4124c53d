/**
 * How projections write their rows: per processor batch, read once by id, changed in memory and written in one JDBC
 * batch at commit ({@link io.ordo.platform.projections.BatchedRows}), each event applied once by sequence number
 * ({@link io.ordo.platform.projections.VersionedRow}). The query side reads the same tables through JPA.
 */
package io.ordo.platform.projections;
