package io.tessera.conversation.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketNotFound;
import io.tessera.shared.FieldProblem;

/**
 * The ticket API's refusals as RFC 9457 problems, each naming the field at fault:
 * <ul>
 *   <li>400 — a malformed or unknown field, or a value the rules refuse (unknown type, assignee not in the team);</li>
 *   <li>404 — no such ticket, or one the caller may not see (the same answer, so numbers cannot be probed);</li>
 *   <li>400 also for an {@code If-Match} that is not a list of strong ETags, or that disagrees with {@code version};</li>
 *   <li>409 — {@code version} is no longer the ticket's (the problem says the current one), or a request with
 *       the same Idempotency-Key is still running;</li>
 *   <li>412 — {@code If-Match} names no longer the ticket's ETag (the problem says the current one);</li>
 *   <li>413 — a file over the attachment size limit;</li>
 *   <li>422 — a status the ticket cannot move to from where it is, a change to a closed ticket, or an
 *       Idempotency-Key reused with a different request.</li>
 * </ul>
 */
@RestControllerAdvice(basePackageClasses = TicketApiErrors.class)
class TicketApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidRequest e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors().stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(InvalidTicketChange e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(TicketStateRefusal e) {
        return FieldProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Not allowed in the ticket's state", e.field(), e.getMessage());
    }

    /**
     * A conflict the caller set no condition for (a change that raced another, if the ticket module ever lets
     * one through): it names no field the client did not send, and says how to retry safely.
     */
    @ExceptionHandler
    ProblemDetail on(ConcurrentTicketChange e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The ticket changed while this "
                + "change was saved; it is at version " + e.actualVersion() + ". Send the request again, with If-Match: "
                + io.tessera.shared.Precondition.etag(e.actualVersion()) + " to be sure it overwrites nothing you have not read.");
        problem.setTitle("Ticket changed meanwhile");
        problem.setProperty("currentVersion", e.actualVersion());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(TicketNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(IdempotencyKeyReused e) {
        return FieldProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", "Idempotency-Key", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(IdempotencyKeyBusy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Request in progress");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(AttachmentTooLarge e) {
        ProblemDetail problem = FieldProblem.of(HttpStatus.CONTENT_TOO_LARGE, "File too large", "file", e.getMessage());
        problem.setProperty("maxSize", e.limit().toBytes());
        return problem;
    }
}
