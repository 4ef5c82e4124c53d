/** Signed tree heads: the Ed25519 keys, the signed text and its signature. Pure JDK, no Spring, no database. */
package io.ordo.integrity.checkpoint;
