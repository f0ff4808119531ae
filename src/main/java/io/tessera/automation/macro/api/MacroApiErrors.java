package io.tessera.automation.macro.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.tessera.automation.macro.InvalidMacro;
import io.tessera.automation.macro.MacroForbidden;
import io.tessera.automation.macro.MacroNotFound;
import io.tessera.shared.FieldProblem;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketNotFound;

/**
 * The macro API's refusals as RFC 9457 problems:
 * <ul>
 *   <li>400 — a macro that cannot be saved, naming the field ({@code name}, {@code actions[1]}), or a malformed
 *       apply request ({@code tickets});</li>
 *   <li>403 — another agent's personal macro, or a shared one changed by an agent;</li>
 *   <li>404 — no such macro, or a ticket the caller may not see (named {@code ticket}, the same answer as none);</li>
 *   <li>409 — {@code version} is no longer the ticket's; 412 — {@code If-Match} is no longer its ETag (400 when
 *       malformed, or when it disagrees with {@code version});</li>
 *   <li>422 — the ticket refuses what the macro does (closed, an assignee outside its team), naming the
 *       ticket's field; nothing was applied.</li>
 * </ul>
 */
@RestControllerAdvice(basePackageClasses = MacroApiErrors.class)
class MacroApiErrors {

    @ExceptionHandler
    ProblemDetail on(InvalidMacro e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid macro", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(MacroForbidden e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(MacroNotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(TicketNotFound e) {
        return FieldProblem.of(HttpStatus.NOT_FOUND, "Not found", "ticket", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(InvalidTicketChange e) {
        return FieldProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "The ticket refused the macro", e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail on(ConcurrentTicketChange e) {
        ProblemDetail problem = FieldProblem.of(HttpStatus.CONFLICT, "Ticket changed meanwhile", "version",
                "The ticket changed since version " + e.expectedVersion() + "; it is at version " + e.actualVersion()
                        + ". Read it again, then apply the macro with the current version.");
        problem.setProperty("currentVersion", e.actualVersion());
        return problem;
    }
}
