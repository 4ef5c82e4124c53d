/** The Order aggregate: decides every order command and records it as events; its upcasters and its time-travel query handler. */
package io.ordo.order.command;
