/** The ledger's endpoints: checkpoints, the public key, proofs, and full verification for operators. */
package io.ordo.integrity.web;
