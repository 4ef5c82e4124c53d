package io.ordo.platform;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that properties cannot express; storage, serializers and processors live in application.yml. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    @Autowired
    void translateCommandErrors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new CommandErrorTranslator());
    }
}
