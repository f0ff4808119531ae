package io.tessera.automation.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.automation.InvalidRule;
import io.tessera.automation.RuleNotFound;
import io.tessera.shared.FieldProblem;

/** Refusals of the rules API as RFC 9457 problems naming the field at fault. */
@RestControllerAdvice(basePackageClasses = AutomationApiErrors.class)
class AutomationApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidRule e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid rule", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(RuleNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
