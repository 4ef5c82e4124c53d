/** Inventory: products with their prices and the stock reserved, committed and released for orders. */
package io.ordo.inventory;
