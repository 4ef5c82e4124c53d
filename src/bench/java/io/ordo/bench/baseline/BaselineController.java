package io.ordo.bench.baseline;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The edit workload's two endpoints; they take the bodies the benchmark sends Ordo (unknown fields are ignored). */
@RestController
class BaselineController {

    record CreateRequest(String orderId, String customerId, List<BaselineOrder.Line> lines) {}

    private final CommandGateway commands;

    BaselineController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(@RequestBody CreateRequest request) {
        commands.sendAndWait(new BaselineOrder.CreateOrder(request.orderId(), request.customerId(), request.lines()));
        return Map.of("orderId", request.orderId());
    }

    @PostMapping("/orders/{orderId}/lines")
    Map<String, String> addLine(@PathVariable String orderId, @RequestBody BaselineOrder.Line line) {
        commands.sendAndWait(new BaselineOrder.AddLine(orderId, line));
        return Map.of("orderId", orderId);
    }
}
