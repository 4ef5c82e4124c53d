package io.ordo.inventory.web;

/** The answer to a product command: the product and its version after the command. */
record ProductAccepted(String productId, long version) {}
