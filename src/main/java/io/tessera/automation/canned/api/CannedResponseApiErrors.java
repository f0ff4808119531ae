package io.tessera.automation.canned.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.automation.canned.CannedResponseForbidden;
import io.tessera.automation.canned.CannedResponseNotFound;
import io.tessera.automation.canned.InvalidCannedResponse;
import io.tessera.shared.FieldProblem;
import io.tessera.ticket.TicketNotFound;

/**
 * The canned-response API's refusals as RFC 9457 problems: 400 naming the field ({@code title},
 * {@code shortcode}, {@code body}), 403 for another agent's personal response or a shared one changed by
 * an agent, 404 for no such response, or a ticket the caller may not see (the same answer as none).
 */
@RestControllerAdvice(basePackageClasses = CannedResponseApiErrors.class)
class CannedResponseApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidCannedResponse e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(CannedResponseForbidden e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(CannedResponseNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(TicketNotFound e) {
        return FieldProblem.of(HttpStatus.NOT_FOUND, "Not found", "ticket", e.getMessage());
    }
}
