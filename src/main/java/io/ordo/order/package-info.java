/** Orders: a customer's order from placing to delivery, its payment and refund; other features see only its api. */
package io.ordo.order;
