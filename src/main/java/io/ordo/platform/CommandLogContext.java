package io.ordo.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The logging context (MDC) of a command's handling, for the lines logged where no request put it there: a command the
 * saga sends, or one Axon Server routes to this instance. It holds the command's {@code requestId} and
 * {@code principal} metadata and its target aggregate's identifier under the name of the command's
 * {@code @TargetAggregateIdentifier} field ({@code orderId}, {@code productId}). What the request's {@link LogContext}
 * already put there stays as it is; only what this added is removed afterwards.
 */
@Configuration(proxyBeanMethods = false)
class CommandLogContext implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Per command class, its target identifier field, if it has one. */
    private final Map<Class<?>, Optional<Field>> targets = new ConcurrentHashMap<>();

    @Autowired
    void addToHandling(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        List<String> added = new ArrayList<>();
        putIfAbsent(added, RequestIdFilter.KEY, command.getMetaData().get(RequestIdFilter.KEY));
        putIfAbsent(added, LogContext.PRINCIPAL, command.getMetaData().get(LogContext.PRINCIPAL));
        Optional<Field> target = targets.computeIfAbsent(command.getPayloadType(), CommandLogContext::targetField);
        if (target.isPresent()) {
            putIfAbsent(added, target.get().getName(), target.get().get(command.getPayload()));
        }
        try {
            return chain.proceed();
        } finally {
            added.forEach(MDC::remove);
        }
    }

    private static void putIfAbsent(List<String> added, String key, Object value) {
        if (MDC.get(key) == null && value instanceof String text && LogValues.sensible(text)) {
            MDC.put(key, text);
            added.add(key);
        }
    }

    private static Optional<Field> targetField(Class<?> commandType) {
        for (Field field : commandType.getDeclaredFields()) {
            if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                field.setAccessible(true);
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
