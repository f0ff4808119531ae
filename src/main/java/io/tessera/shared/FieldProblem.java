package io.tessera.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one shape every API refusal about a value takes: an RFC 9457 problem whose {@code errors} list
 * names the field at fault, {@code {"errors":[{"field":"requester.email","message":"…"}]}}, so clients
 * handle every module's refusals with the same code.
 */
public final class FieldProblem {

    private FieldProblem() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** One refusal about several fields at once (two that disagree), each listed with the same message. */
    public static ProblemDetail of(HttpStatus status, String title, Collection<String> fields, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(title);
        problem.setProperty("errors", fields.stream().map(field -> Map.of("field", field, "message", message)).toList());
        return problem;
    }

    /** A stale {@code If-Match} (412) or {@code version} (409), naming the one sent and the current version. */
    public static ProblemDetail of(PreconditionFailed e, String title) {
        ProblemDetail problem = of(HttpStatus.valueOf(e.status()), title, e.field(), e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        problem.setProperty("currentETag", e.currentETag());
        return problem;
    }

    /** An unreadable or weak {@code If-Match}, or one that disagrees with {@code version}: 400. */
    public static ProblemDetail of(InvalidPrecondition e) {
        return of(HttpStatus.BAD_REQUEST, "Invalid request", e.fields(), e.getMessage());
    }
}
