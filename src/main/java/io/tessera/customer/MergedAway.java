package io.tessera.customer;

import io.tessera.shared.CustomerId;

/**
 * The customer asked for was merged into another one and no longer exists on its own. Pages redirect
 * to {@link #into()}; the API answers 410 Gone and names it.
 */
public class MergedAway extends NotFound {

    private final CustomerId into;

    public MergedAway(CustomerId merged, CustomerId into) {
        super("Customer " + merged + " was merged into customer " + into);
        this.into = into;
    }

    public CustomerId into() {
        return into;
    }
}
