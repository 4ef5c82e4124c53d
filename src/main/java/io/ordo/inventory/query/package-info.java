/** The product read model: a projection of product events and the query handlers that answer from it. */
package io.ordo.inventory.query;
