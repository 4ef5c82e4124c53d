/** The order's public contract: its commands, events, queries and views, records that other features and clients use. */
package io.ordo.order.api;
