package io.tessera.sla.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.shared.FieldProblem;
import io.tessera.sla.InvalidSla;
import io.tessera.sla.SlaNotFound;

/** Refusals of the SLA API as RFC 9457 problems naming the field at fault. */
@RestControllerAdvice(basePackageClasses = SlaApiErrors.class)
class SlaApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidSla e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid SLA setting", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(SlaNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
