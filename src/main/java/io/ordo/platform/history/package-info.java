/** Feature-agnostic history: any aggregate rebuilt as it was at a point, and its stored events as an audit trail. */
package io.ordo.platform.history;
