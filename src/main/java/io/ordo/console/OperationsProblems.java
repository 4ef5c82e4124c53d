package io.ordo.console;

import io.ordo.operations.OperationRefused;
import io.ordo.operations.UnknownProcessor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failed operation on the operations screens answers with a sentence in the page (role=alert), never a stack trace:
 * an htmx request gets the alert alone, put in the page's alert area (HX-Retarget; assets/operations.js lets htmx swap
 * it despite the error status); a page request gets a page that says it.
 */
// before the API's problem+json advice, which would answer any exception of these pages as JSON
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ControllerAdvice(assignableTypes = {ProcessorPages.class, DeadLetterPages.class})
class OperationsProblems {

    private static final Logger log = LoggerFactory.getLogger(OperationsProblems.class);

    @ExceptionHandler(UnknownProcessor.class)
    ModelAndView unknown(UnknownProcessor e, HttpServletRequest request, HttpServletResponse response) {
        return alert(request, response, HttpStatus.NOT_FOUND, e.getMessage() + ".");
    }

    @ExceptionHandler(OperationRefused.class)
    ModelAndView refused(OperationRefused e, HttpServletRequest request, HttpServletResponse response) {
        return alert(request, response, HttpStatus.CONFLICT, e.getMessage() + ".");
    }

    @ExceptionHandler({
        HandlerMethodValidationException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ModelAndView badInput(Exception e, HttpServletRequest request, HttpServletResponse response) {
        return alert(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "That request names no processor, segment or sequence that could exist (a name of letters, digits,"
                        + " dots and dashes; a segment number; an id of at most 255 characters).");
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView failed(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        log.error("an operation from the console failed", e);
        return alert(
                request,
                response,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The operation failed unexpectedly; the service's log has the details. Reload to see the current state.");
    }

    private static ModelAndView alert(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message) {
        boolean fragment = request.getHeader("HX-Request") != null;
        if (fragment) {
            response.setHeader("HX-Retarget", "#operations-alert");
            response.setHeader("HX-Reswap", "innerHTML");
        }
        ModelAndView answer = new ModelAndView(
                fragment ? "console/operations/fragments :: alert" : "console/operations/problem", status);
        answer.addObject("message", message);
        return answer;
    }
}
