/**
 * The order's public contract. Events and the values they carry sit here, in the package their stored type names were
 * written under (moving them would change the stored form); commands are in {@code commands}, queries and their views
 * in {@code queries}.
 */
package io.ordo.order.api;
