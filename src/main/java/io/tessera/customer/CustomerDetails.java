package io.tessera.customer;

import java.util.List;

import io.tessera.shared.OrganizationId;

/**
 * What an agent or an integration gives for a customer, to create one or to change one (all fields are
 * the new state; a blank optional field clears it). {@code email} is the primary address,
 * {@code otherEmails} the additional ones.
 */
public record CustomerDetails(String name, String email, List<String> otherEmails, String phone,
                              OrganizationId organization, String notes, String tier, String language,
                              String timeZone) {
}
