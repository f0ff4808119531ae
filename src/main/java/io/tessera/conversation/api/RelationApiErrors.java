package io.tessera.conversation.api;


import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketNotFound;
import io.tessera.shared.FieldProblem;

/**
 * RFC 9457 problems for the merge, link, follower and split endpoints: a ticket the caller may not see
 * is 404 like one that does not exist; a refused change is 422 naming the field as the API spells it.
 * Scoped to these controllers, so the ticket API next door keeps its own advice.
 */
@RestControllerAdvice(assignableTypes = {TicketMergeApiController.class, TicketLinkApiController.class,
        TicketFollowerApiController.class, TicketSplitApiController.class})
class RelationApiErrors {

    @ExceptionHandler
    ProblemDetail on(TicketNotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(InvalidTicketChange e) {
        return FieldProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(ConcurrentTicketChange e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The ticket changed while this request ran; try again.");
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
