package io.tessera.shared;

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
}
