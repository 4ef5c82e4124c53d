/** What every aggregate shares, such as refusing a command for a version it has moved past (If-Match). */
package io.ordo.platform.aggregates;
