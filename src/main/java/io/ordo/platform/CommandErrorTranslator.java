package io.ordo.platform;

import io.ordo.shared.BoundedText;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Turns the exceptions aggregates throw into a {@link CommandExecutionException} whose details say which
 * {@link ErrorCategory} it is: {@link IllegalArgumentException} is invalid input, {@link IllegalStateException} a
 * conflict with the current state, a missing aggregate is not found, and an aggregate that is not at the version the
 * command expected (If-Match) fails the precondition. Exceptions keep their message, cut to
 * {@value #MAX_MESSAGE} characters; nothing else of them leaves the service.
 */
class CommandErrorTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Aggregates quote input through {@link BoundedText#excerpt}; this holds for a message that forgets. */
    static final int MAX_MESSAGE = 200;

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (IllegalArgumentException e) {
            throw refused(e, ErrorCategory.INVALID);
        } catch (IllegalStateException e) {
            throw refused(e, ErrorCategory.CONFLICT);
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(
                    BoundedText.excerpt(e.getAggregateIdentifier()) + " does not exist", e, ErrorCategory.NOT_FOUND);
        } catch (ConflictingAggregateVersionException e) {
            throw new CommandExecutionException(describe(e), e, ErrorCategory.PRECONDITION_FAILED);
        }
    }

    /** Says the version the aggregate is at, so the detail tells it even where the exception itself does not travel. */
    static String describe(ConflictingAggregateVersionException e) {
        return BoundedText.excerpt(e.getAggregateIdentifier()) + " is at version " + e.getActualVersion() + ", not "
                + e.getExpectedVersion() + " as the request expected; read it again and decide anew";
    }

    private static CommandExecutionException refused(RuntimeException e, ErrorCategory category) {
        String message = String.valueOf(e.getMessage());
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return new CommandExecutionException(message, e, category);
    }
}
