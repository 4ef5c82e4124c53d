package io.ordo.platform;

import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps every command with who sent it ({@code principal} metadata, which {@link CorrelationConfiguration} copies onto
 * the events it causes and on to the commands those cause). A command sent on an HTTP request's thread gets the
 * signed-in principal; one sent while handling a message already carries that message's, and keeps it; one nobody
 * sent over HTTP (a command sent at start-up) is the {@value #SYSTEM}'s.
 */
@Configuration(proxyBeanMethods = false)
class PrincipalOnCommands {

    static final String SYSTEM = "system";

    @Autowired
    void stampPrincipal(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(
                commands -> (index, command) -> command.getMetaData().containsKey(CorrelationConfiguration.PRINCIPAL)
                        ? command
                        : command.andMetaData(Map.of(CorrelationConfiguration.PRINCIPAL, currentPrincipal())));
    }

    private static String currentPrincipal() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken
                ? SYSTEM
                : signedIn.getName();
    }
}
