package io.tessera.conversation.api;

import java.util.List;

/**
 * A request the API refuses before the ticket rules see it (a missing or malformed field, an unknown
 * field): 400 with every field at fault, named as the client spelt it ({@code requester.email}).
 */
class InvalidRequest extends RuntimeException {

    record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    InvalidRequest(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    InvalidRequest(List<FieldError> errors) {
        this(errors.isEmpty() ? "Invalid request." : errors.get(0).message(), errors);
    }

    private InvalidRequest(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** A body that is not the JSON object expected: no field to name. */
    static InvalidRequest unreadable(String message) {
        return new InvalidRequest(message, List.of());
    }

    List<FieldError> errors() {
        return errors;
    }
}
