package io.tessera.identity;

import io.tessera.shared.TeamId;

/** A team as other records mention it: id and name. */
public record TeamRef(TeamId id, String name) {
}
