package io.tessera.customer.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.customer.InvalidChange;
import io.tessera.customer.Organizations;

/** The organization list: search by name or domain prefix, 50 to a page in name order. */
@Controller
class OrganizationListController {

    static final int PAGE_SIZE = 50;

    private final Organizations organizations;

    OrganizationListController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/organizations")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String after, Model model) {
        String cursor = after;
        try {
            model.addAttribute("page", organizations.page(q, cursor, PAGE_SIZE));
        } catch (InvalidChange e) {
            cursor = null;
            model.addAttribute("page", organizations.page(q, null, PAGE_SIZE));
        }
        model.addAttribute("q", q);
        model.addAttribute("firstPage", cursor == null);
        return "customer/organizations";
    }
}
