/** The order-fulfilment saga: reserves stock, asks for payment, waits for it with a deadline, and compensates. */
package io.ordo.fulfilment;
