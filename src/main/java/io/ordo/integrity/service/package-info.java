/** The ledger at work in the service: the sealing loop, the auditor and its health, verification jobs, proofs. */
package io.ordo.integrity.service;
