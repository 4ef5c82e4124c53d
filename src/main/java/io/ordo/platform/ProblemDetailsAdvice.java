package io.ordo.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ordo.platform.web.BoundedAmountDeserializer;
import io.ordo.shared.BoundedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}: Spring MVC's own errors (400, 404, 405, 406, 415)
 * through the base class, refused commands by their {@link ErrorCategory}, anything unexpected as a bare 500. No body
 * carries a stack trace or a class name. A 412 says the aggregate's {@code currentVersion} where it is known. Invalid
 * fields are listed by name with the rule they break, never with the value sent ({@link ProblemDetailBounds} cuts what
 * any detail may still quote).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String CURRENT_VERSION = "currentVersion";
    static final int MAX_LISTED_ERRORS = 10;

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refused(CommandExecutionException e) {
        HttpStatus status = e.<ErrorCategory>getDetails()
                .map(ProblemDetailsAdvice::status)
                .orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status.is5xxServerError()) {
            return unexpected(e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (e.getCause() instanceof ConflictingAggregateVersionException mismatch) {
            problem.setProperty(CURRENT_VERSION, mismatch.getActualVersion());
        }
        return problem;
    }

    /** The HTTP answer to each reason a command is refused for. */
    static HttpStatus status(ErrorCategory category) {
        return switch (category) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
    }

    /** A version mismatch Axon finds only at commit, outside the command's interceptors. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail versionMismatch(ConflictingAggregateVersionException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, CommandErrorTranslator.describe(e));
        problem.setProperty(CURRENT_VERSION, e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "an aggregate with this id already exists");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "another change to the same aggregate won the race; read it again and retry");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the service could not complete the request");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the request has invalid fields");
        setErrors(
                problem,
                e.getBindingResult().getFieldErrors().stream()
                        .map(ProblemDetailsAdvice::fieldError)
                        .collect(Collectors.toList()));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * Spring validates a handler's parameters together when one of them (an id in the path) carries a constraint; the
     * body's invalid fields then arrive here rather than as {@link MethodArgumentNotValidException}, and are listed
     * the same way, beside the invalid path variables and query parameters by name.
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the request has invalid fields");
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors().stream()
                        .map(ProblemDetailsAdvice::fieldError)
                        .forEach(errors::add);
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors()
                        .forEach(error -> errors.add(
                                Map.of("field", name, "message", String.valueOf(error.getDefaultMessage()))));
            }
        });
        setErrors(problem, errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A path variable or query parameter that does not convert ({@code ?page=abc}): named, its value not quoted. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the request has invalid fields");
        setErrors(problem, List.of(Map.of("field", BoundedText.excerpt(name), "message", "has an invalid value")));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "the request body is not valid JSON");
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            problem.setDetail("the request body has a value of the wrong type");
            String message = "has the wrong type";
            if (mapping instanceof BoundedAmountDeserializer.OutOfRange outOfRange) {
                problem.setDetail("the request body has an amount out of range");
                message = outOfRange.getOriginalMessage();
            } else if (mapping instanceof UnrecognizedPropertyException) {
                problem.setDetail("the request body has a field this endpoint does not take");
                message = "is not a field of this request";
            }
            // a field name is the client's text too: an unknown one may be as long as Jackson lets a name be
            problem.setProperty("errors", List.of(Map.of("field", BoundedText.excerpt(field), "message", message)));
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * One entry per invalid field, its broken rules joined (a blank id breaks both "not blank" and the id pattern), and
     * the first {@value #MAX_LISTED_ERRORS} fields only, with how many more: a hundred invalid lines make no 20 KB
     * answer.
     */
    private static void setErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        Map<String, SortedSet<String>> messagesByField = new LinkedHashMap<>();
        errors.forEach(error -> messagesByField
                .computeIfAbsent(error.get("field"), field -> new TreeSet<>())
                .add(error.get("message")));
        List<Map<String, String>> listed = messagesByField.entrySet().stream()
                .limit(MAX_LISTED_ERRORS)
                .map(field -> Map.of("field", field.getKey(), "message", String.join("; ", field.getValue())))
                .toList();
        problem.setProperty("errors", listed);
        if (messagesByField.size() > MAX_LISTED_ERRORS) {
            problem.setProperty("moreErrors", messagesByField.size() - MAX_LISTED_ERRORS);
        }
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    /** The name the client used: the path variable's or query parameter's, else the Java parameter's. */
    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        return String.valueOf(parameter.getParameterName());
    }
}
