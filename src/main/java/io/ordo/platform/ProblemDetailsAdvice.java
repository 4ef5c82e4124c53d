package io.ordo.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves as RFC 9457 {@code application/problem+json}: Spring MVC's own errors (400, 404, 405, 406, 415)
 * through the base class, refused commands by their {@link ErrorCategory}, anything unexpected as a bare 500. No body
 * carries a stack trace or a class name. A 412 says the aggregate's {@code currentVersion} where it is known.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String CURRENT_VERSION = "currentVersion";

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refused(CommandExecutionException e) {
        HttpStatus status =
                e.<ErrorCategory>getDetails().map(ErrorCategory::status).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status.is5xxServerError()) {
            return unexpected(e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (e.getCause() instanceof ConflictingAggregateVersionException mismatch) {
            problem.setProperty(CURRENT_VERSION, mismatch.getActualVersion());
        }
        return problem;
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
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .collect(Collectors.toList());
        problem.setProperty("errors", errors);
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
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }
}
