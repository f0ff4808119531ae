package io.tessera.customer;

import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;

/**
 * Customer {@code from} was merged into {@code into}. Published inside the merge's transaction, before
 * {@code from} is deleted: modules that refer to customers (tickets by their requester) move their
 * references in a synchronous listener, and the merge fails as a whole if a reference is left behind.
 */
public record CustomersMerged(CustomerId from, CustomerId into, Initiator by) {
}
