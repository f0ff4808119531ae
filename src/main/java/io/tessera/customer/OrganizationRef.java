package io.tessera.customer;

import io.tessera.shared.OrganizationId;

/** An organization's id and the name people see. */
public record OrganizationRef(OrganizationId id, String name) {
}
