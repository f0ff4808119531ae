package io.tessera.view.api;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.view.InvalidView;
import io.tessera.view.ViewNotFound;
import io.tessera.shared.FieldProblem;

/** Refusals of the list, view and bulk API as RFC 9457 problems naming the parameter or field at fault. */
@RestControllerAdvice(basePackageClasses = ViewApiErrors.class)
class ViewApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidView e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(ViewNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
