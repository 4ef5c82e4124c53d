/** What every projection row shares: persisted without a select when new, and each event applied once. */
package io.ordo.platform.projections;
