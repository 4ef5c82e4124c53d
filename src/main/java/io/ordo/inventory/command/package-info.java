/** The Product aggregate and its stock, and the query handlers that must read the command model: the products' current word and a product's past. */
package io.ordo.inventory.command;
