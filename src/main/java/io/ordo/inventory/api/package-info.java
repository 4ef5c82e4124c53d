/**
 * The inventory's public contract. Product and stock events and the values they carry sit here, in the package their
 * stored type names were written under; commands are in {@code commands}, queries and their views in {@code queries}.
 */
package io.ordo.inventory.api;
