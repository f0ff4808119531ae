package io.tessera.customer.web;

import io.tessera.customer.Organization;
import io.tessera.customer.OrganizationDetails;
import io.tessera.customer.Organizations;

/** The create/edit organization form as typed; domains separated by commas, spaces or lines. */
record OrganizationForm(String name, String domains, String tier, String notes) {

    static OrganizationForm empty() {
        return new OrganizationForm("", "", "", "");
    }

    static OrganizationForm of(Organization organization) {
        return new OrganizationForm(organization.name(), String.join(", ", organization.domains()),
                organization.tier() == null ? "" : organization.tier(),
                organization.notes() == null ? "" : organization.notes());
    }

    OrganizationDetails details() {
        return new OrganizationDetails(name, Organizations.splitDomains(domains), tier, notes);
    }
}
