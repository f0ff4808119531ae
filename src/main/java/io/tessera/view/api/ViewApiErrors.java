package io.tessera.view.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.view.InvalidView;
import io.tessera.view.ViewNotFound;

/** Refusals of the list, view and bulk API as RFC 9457 problems naming the parameter or field at fault. */
@RestControllerAdvice(basePackageClasses = ViewApiErrors.class)
class ViewApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidView e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(ViewNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
