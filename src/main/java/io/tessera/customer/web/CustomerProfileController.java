package io.tessera.customer.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import io.tessera.customer.CustomerProfile;
import io.tessera.customer.CustomerTickets;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.MergedAway;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TicketScopes;
import io.tessera.shared.CustomerId;

/**
 * A customer's profile and every ticket they raised that the agent may see, newest first. The address
 * of a customer merged into another one redirects, permanently, to the one kept.
 */
@Controller
class CustomerProfileController {

    static final int TICKETS_PER_PAGE = 25;

    private final Customers customers;
    private final CustomerTickets tickets;
    private final TicketScopes scopes;

    CustomerProfileController(Customers customers, CustomerTickets tickets, TicketScopes scopes) {
        this.customers = customers;
        this.tickets = tickets;
        this.scopes = scopes;
    }

    @GetMapping("/customers/{id}")
    ModelAndView profile(@PathVariable long id, @RequestParam(required = false) String after,
                         @AuthenticationPrincipal SignedInAgent me, Model model) {
        CustomerProfile customer;
        try {
            customer = customers.get(CustomerId.of(id));
        } catch (MergedAway e) {
            RedirectView redirect = new RedirectView("/customers/" + e.into().value(), true);
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        String cursor = after;
        try {
            model.addAttribute("tickets", tickets.raisedBy(customer.id(), scopes.of(me.id()), cursor, TICKETS_PER_PAGE));
        } catch (InvalidChange e) {
            cursor = null;
            model.addAttribute("tickets", tickets.raisedBy(customer.id(), scopes.of(me.id()), null, TICKETS_PER_PAGE));
        }
        model.addAttribute("customer", customer);
        model.addAttribute("firstPage", cursor == null);
        return new ModelAndView("customer/customer");
    }
}
