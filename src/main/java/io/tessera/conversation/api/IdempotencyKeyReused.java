package io.tessera.conversation.api;

/** The caller used an Idempotency-Key again with a different request: 422, nothing created. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was already used with a different request in the last 24 hours. "
                + "Use a new key for a new ticket.");
    }
}
