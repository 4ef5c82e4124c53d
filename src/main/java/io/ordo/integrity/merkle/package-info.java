/** RFC 9162 Merkle tree hashing, proofs and their verification: pure Java, no Spring, no database. */
package io.ordo.integrity.merkle;
