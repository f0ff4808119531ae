package io.tessera.customer;

import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/** A customer as other modules need them. */
public record Customer(CustomerId id, String name, String email, OrganizationId organization) {
}
