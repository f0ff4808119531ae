package io.tessera.identity.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.identity.InvalidChange;
import io.tessera.identity.NotFound;

/** The identity API's refusals as RFC 9457 problems; validation problems name the field. */
@RestControllerAdvice(basePackageClasses = IdentityApiErrors.class)
class IdentityApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidChange e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
