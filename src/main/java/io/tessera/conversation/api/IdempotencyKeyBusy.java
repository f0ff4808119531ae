package io.tessera.conversation.api;

/** Another request with the same Idempotency-Key is still being processed: 409, retry shortly. */
class IdempotencyKeyBusy extends RuntimeException {

    IdempotencyKeyBusy() {
        super("A request with this Idempotency-Key is still being processed; retry in a moment.");
    }
}
