package io.ordo.order.web;

/** The answer to a command: the order and its version after the command, for {@code ?minVersion=}. */
record CommandAccepted(String orderId, long version) {}
