package io.tessera.ticket;

import io.tessera.shared.CustomerId;

/** A customer copied on a ticket's conversation (a CC): public replies go to them as well as the requester. */
public record Follower(CustomerId id, String name, String email) {
}
