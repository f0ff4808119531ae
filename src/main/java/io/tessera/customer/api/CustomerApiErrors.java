package io.tessera.customer.api;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.customer.AlreadyTaken;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.MergedAway;
import io.tessera.customer.NotFound;
import io.tessera.shared.FieldProblem;

/**
 * The customer API's refusals as RFC 9457 problems. Validation problems name the field as the API
 * spells it; a value another record already holds is a 409 that names that record.
 */
@RestControllerAdvice(basePackageClasses = CustomerApiErrors.class)
class CustomerApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidChange e) {
        return invalid(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e);
    }

    @ExceptionHandler
    ProblemDetail on(AlreadyTaken e) {
        ProblemDetail problem = invalid(HttpStatus.CONFLICT, "Already taken", e);
        problem.setProperty("existingId", e.ownerId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(MergedAway e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
        problem.setTitle("Merged");
        problem.setProperty("mergedInto", e.into().value());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ProblemDetail invalid(HttpStatus status, String title, InvalidChange e) {
        return FieldProblem.of(status, title, apiField(e.field()), e.getMessage());
    }

    /** The facade names the organization {@code organization}; the API takes its id as {@code organizationId}. */
    private static String apiField(String field) {
        return "organization".equals(field) ? "organizationId" : field;
    }
}
