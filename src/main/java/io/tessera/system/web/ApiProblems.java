package io.tessera.system.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.tessera.shared.FieldProblem;
import io.tessera.shared.InvalidPrecondition;
import io.tessera.shared.PreconditionFailed;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for Spring MVC's own refusals inside REST controllers (unreadable JSON, a missing
 * parameter, a wrong type, a failed bean validation). Validation problems list each field, so a client
 * can tell which value to fix. Modules add advice for their own exceptions next to their controllers.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    /** If-Match or version no longer the resource's (412 or 409), in any module that uses {@link io.tessera.shared.Precondition}. */
    @ExceptionHandler
    ProblemDetail on(PreconditionFailed e) {
        return FieldProblem.of(e, "Changed meanwhile");
    }

    /** A malformed or weak If-Match, or one that disagrees with version: 400 naming what was sent. */
    @ExceptionHandler
    ProblemDetail on(InvalidPrecondition e) {
        return FieldProblem.of(e);
    }

    /** A text value with a control character (ControlCharacterCheck): 400 naming the field. */
    @ExceptionHandler
    ResponseEntity<Object> on(ControlCharacterCheck.ControlCharacterInBody e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A body cut off at the size limit is too large, not malformed; any other unreadable body is a 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiBodyLimit.BodyTooLarge tooLarge) {
                return handleExceptionInternal(e, ApiBodyLimit.tooLarge(tooLarge.limit()), headers,
                        HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON, or a value has the wrong type.");
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = e.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("One or more fields are invalid.");
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(e, problem, headers, status, request);
    }
}
