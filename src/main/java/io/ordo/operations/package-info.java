/**
 * Operators' tools that serve every feature alike: event processors and their replay, dead letters. This package
 * itself is the console's door into them ({@link io.ordo.operations.OperatorTools} and its records; ArchitectureTest).
 */
package io.ordo.operations;
