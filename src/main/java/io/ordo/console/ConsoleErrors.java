package io.ordo.console;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the console's pages as pages, not as the API's problem+json: a person reads them. Scoped to this package
 * and ordered just before the API's advice (which has no order, so the lowest), so it keeps answering everything else
 * while a screen's own advice (e.g. OperationsProblems, ordered higher) still comes first for that screen. A fragment
 * that htmx asked for gets just the notice, to show in place. No page quotes what was sent or shows a stack trace.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler({
        HandlerMethodValidationException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ModelAndView badRequest(Exception e, HttpServletRequest request) {
        return page(
                HttpStatus.BAD_REQUEST,
                "The address or the form has a value the console cannot use. Go back and check what you entered.",
                request);
    }

    /**
     * Statuses the pages chose (404 for an order that is not there, 503 for too many live streams) and Spring's own
     * (405, 406, ...) keep their status and say their detail; anything else is a 500 that says nothing of its cause.
     */
    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse chosen) {
            String detail = chosen.getBody().getDetail();
            return page(chosen.getStatusCode(), detail == null ? "The request could not be served." : detail, request);
        }
        log.error("unexpected error on a console page", e);
        return page(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Try again in a moment; if it persists, tell the operators.",
                request);
    }

    private static ModelAndView page(HttpStatusCode status, String message, HttpServletRequest request) {
        boolean fragment = "true".equals(request.getHeader("HX-Request"));
        ModelAndView view = new ModelAndView(fragment ? "console/error :: notice" : "console/error");
        view.setStatus(HttpStatus.valueOf(status.value()));
        view.addObject("status", status.value());
        view.addObject("message", message);
        return view;
    }
}
