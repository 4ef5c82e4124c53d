/** The dead-letter queues of the event processors: look at, retry and evict parked events (ADMIN). */
package io.ordo.operations.deadletters;
