package io.tessera.customer.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.Organizations;
import io.tessera.shared.OrganizationId;

/**
 * The customer list: search by name or address prefix, optionally within one organization, 50 to a
 * page in name order. The same handler answers htmx's search-as-you-type (which picks the results out
 * of the page), so there is one template and no second endpoint.
 */
@Controller
class CustomerListController {

    static final int PAGE_SIZE = 50;

    private final Customers customers;
    private final Organizations organizations;

    CustomerListController(Customers customers, Organizations organizations) {
        this.customers = customers;
        this.organizations = organizations;
    }

    @GetMapping("/customers")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long organization,
                @RequestParam(required = false) String after, Model model) {
        OrganizationId org = organization == null ? null : OrganizationId.of(organization);
        String cursor = after;
        try {
            model.addAttribute("page", customers.page(q, org, cursor, PAGE_SIZE));
        } catch (InvalidChange e) {
            // A stale or mangled cursor in a bookmark: show the first page rather than an error.
            cursor = null;
            model.addAttribute("page", customers.page(q, org, null, PAGE_SIZE));
        }
        model.addAttribute("q", q);
        model.addAttribute("organization", org == null ? null : organizations.get(org));
        model.addAttribute("firstPage", cursor == null);
        return "customer/customers";
    }
}
