package io.tessera.identity.api;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.identity.InvalidChange;
import io.tessera.identity.NotFound;
import io.tessera.shared.FieldProblem;

/** The identity API's refusals as RFC 9457 problems; validation problems name the field. */
@RestControllerAdvice(basePackageClasses = IdentityApiErrors.class)
class IdentityApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidChange e) {
        return FieldProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
