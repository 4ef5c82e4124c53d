/** The order's queries and the views that answer them. */
package io.ordo.order.api.queries;
