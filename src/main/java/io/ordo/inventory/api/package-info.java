/** The inventory's public contract: product and stock commands, events, queries and views. */
package io.ordo.inventory.api;
