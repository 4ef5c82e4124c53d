package io.ordo.platform;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that properties cannot express; storage, serializers and processors live in application.yml. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Autowired
    void interceptCommands(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandErrorTranslator());
        commandBus.registerDispatchInterceptor(commands -> (index, command) -> {
            String requestId = MDC.get(RequestIdFilter.KEY);
            return requestId == null || command.getMetaData().containsKey(RequestIdFilter.KEY)
                    ? command
                    : command.andMetaData(Map.of(RequestIdFilter.KEY, requestId));
        });
    }
}
