package io.tessera.customer;

import java.util.List;

/** What an agent or an integration gives for an organization, to create or change one. */
public record OrganizationDetails(String name, List<String> domains, String tier, String notes) {
}
