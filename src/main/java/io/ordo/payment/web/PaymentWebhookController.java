package io.ordo.payment.web;

import io.ordo.order.api.commands.RecordPayment;
import io.ordo.platform.roles.CommandEndpoint;
import io.ordo.platform.web.VersionTagged;
import io.ordo.platform.web.VersionTags;
import io.ordo.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the payment provider delivers its answer to a payment request. A delivery repeated with the same
 * {@code providerReference} answers the same version and records nothing new, so the provider may retry freely; an
 * amount other than the order total, or an order not waiting for payment, is a 409; an unknown order a 404. Only the
 * provider gets here: the security chain lets a delivery in only with a valid {@code Ordo-Signature} over its body.
 */
@CommandEndpoint
@RestController
@Tag(name = "Payments", description = "The payment provider's webhook")
class PaymentWebhookController {

    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final CommandGateway commands;

    PaymentWebhookController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(
            summary = "Record the payment provider's answer",
            description = "For the provider only, signed with Ordo-Signature (the security scheme ordoSignature). A"
                    + " delivery repeated with the same providerReference answers the same version and records"
                    + " nothing; an amount other than the order total, or an order not waiting for payment, is a 409.")
    @PostMapping("/api/payments/{orderId}")
    @VersionTagged
    ResponseEntity<PaymentAccepted> paymentOutcome(
            @PathVariable @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String orderId,
            @Valid @RequestBody PaymentNotification notification) {
        RecordPayment command = new RecordPayment(
                orderId, notification.providerReference(), notification.outcome(), notification.amount());
        long version = commands.<Long>sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return ResponseEntity.ok().eTag(VersionTags.etag(version)).body(new PaymentAccepted(orderId, version));
    }
}
