package io.ordo.platform;

import io.ordo.shared.BoundedText;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The last word on every problem answer that Spring MVC writes: its {@code detail} and {@code instance} are cut to a
 * few hundred characters, so no error, however its message was built, echoes a client's long input back (a detail that
 * quotes a 16 KB id, or the request path Spring fills in as the instance). Messages quote input through
 * {@link BoundedText#excerpt} in the first place; this is the bound that holds for the ones that forget.
 */
@RestControllerAdvice
class ProblemDetailBounds implements ResponseBodyAdvice<Object> {

    static final int MAX_DETAIL = 200;
    static final int MAX_INSTANCE = 100;

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            bound(problem);
        }
        return body;
    }

    static ProblemDetail bound(ProblemDetail problem) {
        String detail = problem.getDetail();
        if (detail != null && detail.length() > MAX_DETAIL) {
            problem.setDetail(detail.substring(0, MAX_DETAIL) + "…");
        }
        URI instance = problem.getInstance();
        if (instance != null && instance.toString().length() > MAX_INSTANCE) {
            problem.setInstance(truncated(instance.toString()));
        }
        return problem;
    }

    /** The path cut short before any escape it would split; the request URI Spring puts here is already encoded. */
    private static URI truncated(String instance) {
        String head = instance.substring(0, MAX_INSTANCE);
        int escape = head.lastIndexOf('%');
        if (escape >= head.length() - 2) {
            head = head.substring(0, escape);
        }
        try {
            return URI.create(head);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
