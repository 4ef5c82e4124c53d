/**
 * The ledger in the database, by plain JDBC so the standalone verifier can use it without Spring: the stored events,
 * the leaf envelope, the sealer's batch, the stored tree and the verification that names the first broken index.
 */
package io.ordo.integrity.ledger;
