/** The order's commands: what a client or the saga asks the aggregate to do. */
package io.ordo.order.api.commands;
