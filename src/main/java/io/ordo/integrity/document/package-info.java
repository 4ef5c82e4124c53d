/**
 * The JSON documents the endpoints answer and the standalone verifier reads back (a saved checkpoint, a proof): plain
 * records, binary values in base64 as Jackson writes byte[].
 */
package io.ordo.integrity.document;
