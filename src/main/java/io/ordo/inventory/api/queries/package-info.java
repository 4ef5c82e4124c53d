/** The inventory's queries and the views that answer them. */
package io.ordo.inventory.api.queries;
