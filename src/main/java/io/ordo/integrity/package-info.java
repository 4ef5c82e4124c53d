/**
 * The tamper-evident event log: every committed event sealed into an RFC 9162 Merkle tree, signed checkpoints,
 * inclusion and consistency proofs, a continuous auditor and a verifier that does not trust the service. See
 * docs/integrity.md.
 */
package io.ordo.integrity;
