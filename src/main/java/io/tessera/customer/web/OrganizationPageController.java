package io.tessera.customer.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.customer.CustomerTickets;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.Organization;
import io.tessera.customer.Organizations;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TicketScopes;
import io.tessera.shared.OrganizationId;

/**
 * An organization's page: its profile, its first customers (the rest on the customer list filtered by
 * the organization) and its tickets that the agent may see, newest first.
 */
@Controller
class OrganizationPageController {

    static final int CUSTOMERS_SHOWN = 20;
    static final int TICKETS_PER_PAGE = 25;

    private final Organizations organizations;
    private final Customers customers;
    private final CustomerTickets tickets;
    private final TicketScopes scopes;

    OrganizationPageController(Organizations organizations, Customers customers, CustomerTickets tickets, TicketScopes scopes) {
        this.organizations = organizations;
        this.customers = customers;
        this.tickets = tickets;
        this.scopes = scopes;
    }

    @GetMapping("/organizations/{id}")
    String organization(@PathVariable long id, @RequestParam(required = false) String after,
                        @AuthenticationPrincipal SignedInAgent me, Model model) {
        Organization organization = organizations.get(OrganizationId.of(id));
        String cursor = after;
        try {
            model.addAttribute("tickets", tickets.ofOrganization(organization.id(), scopes.of(me.id()), cursor, TICKETS_PER_PAGE));
        } catch (InvalidChange e) {
            cursor = null;
            model.addAttribute("tickets", tickets.ofOrganization(organization.id(), scopes.of(me.id()), null, TICKETS_PER_PAGE));
        }
        model.addAttribute("organization", organization);
        model.addAttribute("customers", customers.page(null, organization.id(), null, CUSTOMERS_SHOWN));
        model.addAttribute("firstPage", cursor == null);
        return "customer/organization";
    }
}
