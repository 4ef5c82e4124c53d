/** The order read models: projections of order events into tables, and the query handlers that answer from them. */
package io.ordo.order.query;
