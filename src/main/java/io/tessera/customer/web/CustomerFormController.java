package io.tessera.customer.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.customer.CustomerDetails;
import io.tessera.customer.CustomerProfile;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.OrganizationRef;
import io.tessera.customer.Organizations;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/** Creating and editing a customer. A refused form comes back with what was typed and why. */
@Controller
@RequestMapping("/customers")
class CustomerFormController {

    /** Suggestions in the organization field; more than this and typing the name is quicker anyway. */
    private static final int ORGANIZATION_SUGGESTIONS = 200;
    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private final Customers customers;
    private final Organizations organizations;

    CustomerFormController(Customers customers, Organizations organizations) {
        this.customers = customers;
        this.organizations = organizations;
    }

    @GetMapping("/new")
    String newCustomer(@RequestParam(required = false) Long organization, Model model) {
        String name = organization == null ? null : organizations.get(OrganizationId.of(organization)).name();
        return form(model, CustomerForm.empty(name), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") CustomerForm form, Model model, RedirectAttributes redirect) {
        try {
            CustomerProfile created = customers.create(details(form));
            redirect.addFlashAttribute("flash", "Customer " + created.name() + " created.");
            return "redirect:/customers/" + created.id().value();
        } catch (InvalidChange e) {
            return form(model, form, null, Map.of(field(e), e.getMessage()));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        CustomerProfile customer = customers.get(CustomerId.of(id));
        return form(model, CustomerForm.of(customer), customer, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") CustomerForm form, Model model,
                  RedirectAttributes redirect) {
        CustomerProfile customer = customers.get(CustomerId.of(id));
        try {
            customers.update(customer.id(), details(form));
            redirect.addFlashAttribute("flash", "Customer saved.");
            return "redirect:/customers/" + id;
        } catch (InvalidChange e) {
            return form(model, form, customer, Map.of(field(e), e.getMessage()));
        }
    }

    private CustomerDetails details(CustomerForm form) {
        OrganizationId organization = null;
        if (form.organization() != null && !form.organization().isBlank()) {
            organization = organizations.findByName(form.organization()).map(OrganizationRef::id)
                    .orElseThrow(() -> new InvalidChange("organization",
                            "There is no organization named " + form.organization().trim() + "."));
        }
        return new CustomerDetails(form.name(), form.email(), form.otherEmailList(), form.phone(), organization,
                form.notes(), form.tier(), form.language(), form.timeZone());
    }

    private String form(Model model, CustomerForm form, CustomerProfile customer, Map<String, String> fieldErrors) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("organizationNames", organizations.names(ORGANIZATION_SUGGESTIONS));
        model.addAttribute("timeZones", TIME_ZONES);
        return "customer/customer-form";
    }

    private static String field(InvalidChange e) {
        return "emails".equals(e.field()) ? "otherEmails" : e.field();
    }
}
