/** Operators' tools that serve every feature alike: event processors and their replay, dead letters. */
package io.ordo.operations;
