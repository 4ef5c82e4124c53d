/** The product HTTP API under /api/products: turns requests into product commands and queries, and answers back. */
package io.ordo.inventory.web;
