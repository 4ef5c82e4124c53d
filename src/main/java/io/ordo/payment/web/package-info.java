/** The signed payment webhook: turns the provider's notification into the order's RecordPayment command. */
package io.ordo.payment.web;
