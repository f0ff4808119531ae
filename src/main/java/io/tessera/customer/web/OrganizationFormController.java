package io.tessera.customer.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.customer.InvalidChange;
import io.tessera.customer.Organization;
import io.tessera.customer.Organizations;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.OrganizationId;

/** Creating and editing an organization. A refused form comes back with what was typed and why. */
@Controller
@RequestMapping("/organizations")
class OrganizationFormController {

    private final Organizations organizations;

    OrganizationFormController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/new")
    String newOrganization(Model model) {
        return form(model, OrganizationForm.empty(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") OrganizationForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        try {
            Organization created = organizations.create(form.details(), me.initiator());
            redirect.addFlashAttribute("flash", "Organization " + created.name() + " created.");
            return "redirect:/organizations/" + created.id().value();
        } catch (InvalidChange e) {
            return form(model, form, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Organization organization = organizations.get(OrganizationId.of(id));
        return form(model, OrganizationForm.of(organization), organization, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") OrganizationForm form,
                  @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        Organization organization = organizations.get(OrganizationId.of(id));
        try {
            organizations.update(organization.id(), form.details(), me.initiator());
            redirect.addFlashAttribute("flash", "Organization saved.");
            return "redirect:/organizations/" + id;
        } catch (InvalidChange e) {
            return form(model, form, organization, Map.of(e.field(), e.getMessage()));
        }
    }

    private String form(Model model, OrganizationForm form, Organization organization, Map<String, String> fieldErrors) {
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("fieldErrors", fieldErrors);
        return "customer/organization-form";
    }
}
