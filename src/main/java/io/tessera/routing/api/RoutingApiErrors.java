package io.tessera.routing.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.routing.InvalidRouting;
import io.tessera.routing.RoutingNotFound;
import io.tessera.shared.FieldProblem;

/** Refusals of the routing API as RFC 9457 problems naming the field at fault. */
@RestControllerAdvice(basePackageClasses = RoutingApiErrors.class)
class RoutingApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidRouting e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid routing setting", e.field(), e.getMessage());
    }

    /** An agent changing what only admins may (their capacity): a 403 that says which field. */
    @ExceptionHandler
    ProblemDetail on(AdminOnlyField e) {
        return FieldProblem.of(HttpStatus.FORBIDDEN, "Not allowed", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(RoutingNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    static final class AdminOnlyField extends RuntimeException {

        private final String field;

        AdminOnlyField(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
