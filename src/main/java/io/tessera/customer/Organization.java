package io.tessera.customer;

import java.time.Instant;
import java.util.List;

import io.tessera.shared.OrganizationId;

/**
 * A company or group of customers. A new customer whose address is on one of its {@code domains} joins
 * it automatically.
 */
public record Organization(OrganizationId id, String name, List<String> domains, String tier, String notes,
                           Instant createdAt) {
}
