/** The order HTTP API under /api/orders: turns requests into order commands and queries, and answers back. */
package io.ordo.order.web;
