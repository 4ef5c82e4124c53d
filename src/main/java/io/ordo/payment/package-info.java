/** Payments: the payment provider's side of an order, received through its signed webhook. */
package io.ordo.payment;
