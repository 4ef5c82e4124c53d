/** The inventory's commands: what a client or the saga asks the aggregate to do. */
package io.ordo.inventory.api.commands;
