package io.tessera.customer.api;

import io.tessera.customer.InvalidChange;

/** Page sizes the list endpoints accept: enough for a sync job, small enough to answer quickly. */
final class Limits {

    static final int MAX = 100;

    private Limits() {
    }

    static int check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new InvalidChange("limit", "limit must be between 1 and " + MAX + ".");
        }
        return limit;
    }
}
