package io.tessera.customer.web;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.customer.Customer;
import io.tessera.customer.CustomerProfile;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.NotFound;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.CustomerId;

/**
 * Merging a duplicate customer into the one to keep: find the target by address or id, see both side by
 * side, confirm. Supervisors and admins only, because a merge deletes a record and cannot be undone.
 */
@Controller
@RequestMapping("/customers/{id}/merge")
@PreAuthorize("hasRole('SUPERVISOR')")
class CustomerMergeController {

    private final Customers customers;

    CustomerMergeController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    String confirm(@PathVariable long id, @RequestParam(defaultValue = "") String into, Model model) {
        CustomerProfile source = customers.get(CustomerId.of(id));
        if (into.isBlank()) {
            return page(model, source, null, into, Map.of());
        }
        Optional<CustomerProfile> target = lookUp(into);
        if (target.isEmpty()) {
            return page(model, source, null, into, Map.of("into", "No customer has this address or id."));
        }
        if (target.get().id().equals(source.id())) {
            return page(model, source, null, into, Map.of("into", "That is this customer; choose the one to keep."));
        }
        return page(model, source, target.get(), into, Map.of());
    }

    @PostMapping
    String merge(@PathVariable long id, @RequestParam long into, @AuthenticationPrincipal SignedInAgent me, Model model,
                 RedirectAttributes redirect) {
        CustomerProfile source = customers.get(CustomerId.of(id));
        try {
            CustomerProfile kept = customers.merge(source.id(), CustomerId.of(into), me.initiator());
            redirect.addFlashAttribute("flash", source.name() + " <" + source.email() + "> was merged into "
                    + kept.name() + ": their addresses and tickets are here now.");
            return "redirect:/customers/" + kept.id().value();
        } catch (InvalidChange e) {
            return page(model, source, lookUp(Long.toString(into)).orElse(null), Long.toString(into),
                    Map.of("into", e.getMessage()));
        }
    }

    /** The customer named by an address, or by an id (with or without a leading {@code #}). */
    private Optional<CustomerProfile> lookUp(String text) {
        String value = text.trim();
        String digits = value.startsWith("#") ? value.substring(1) : value;
        try {
            if (digits.matches("\\d{1,18}")) {
                return Optional.of(customers.get(CustomerId.of(Long.parseLong(digits))));
            }
        } catch (NotFound e) {
            return Optional.empty();
        }
        return customers.findByEmail(value).map(Customer::id).map(customers::get);
    }

    private String page(Model model, CustomerProfile source, CustomerProfile target, String into,
                        Map<String, String> fieldErrors) {
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        model.addAttribute("into", into);
        model.addAttribute("fieldErrors", fieldErrors);
        return "customer/customer-merge";
    }
}
