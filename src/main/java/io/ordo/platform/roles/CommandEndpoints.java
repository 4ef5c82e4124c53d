package io.ordo.platform.roles;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Which HTTP handlers are {@link CommandEndpoint}s: the refusal and the API description ask the same question. */
public final class CommandEndpoints {

    private CommandEndpoints() {}

    public static boolean sendsCommands(HandlerMethod handler) {
        return handler.hasMethodAnnotation(CommandEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), CommandEndpoint.class);
    }
}
