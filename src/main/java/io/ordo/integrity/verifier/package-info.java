/**
 * The standalone verifier: a main class without Spring that trusts only a saved checkpoint and the public key, not
 * the running service. Run from the service's jar (docs/integrity.md#the-standalone-verifier).
 */
package io.ordo.integrity.verifier;
