package io.tessera.ticket.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketAdministration;
import io.tessera.ticket.TicketTypes;

/** Ticket types: add, rename, deactivate and reactivate. None is ever deleted (tickets keep their type). */
@Controller
@RequestMapping("/admin/tickets/types")
class TypeAdminController {

    private final TicketTypes types;
    private final TicketAdministration administration;

    TypeAdminController(TicketTypes types, TicketAdministration administration) {
        this.types = types;
        this.administration = administration;
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", null, Map.of());
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, Model model, @AuthenticationPrincipal SignedInAgent me,
               RedirectAttributes redirect) {
        try {
            var type = administration.addType(name, me.initiator());
            redirect.addFlashAttribute("flash", "Type " + type.name() + " added. Give it a form under Ticket forms.");
            return "redirect:/admin/tickets/types";
        } catch (InvalidTicketChange e) {
            return page(model, name, null, Map.of("name", e.getMessage()));
        }
    }

    @PostMapping("/{key}/rename")
    String rename(@PathVariable String key, @RequestParam(defaultValue = "") String name, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        try {
            administration.renameType(key, name, me.initiator());
            redirect.addFlashAttribute("flash", "Type renamed to " + name.strip() + ".");
            return "redirect:/admin/tickets/types";
        } catch (InvalidTicketChange e) {
            return page(model, "", Map.entry(key, name), Map.of("rename-" + key, e.getMessage()));
        }
    }

    @PostMapping("/{key}/deactivate")
    String deactivate(@PathVariable String key, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        administration.setTypeActive(key, false, me.initiator());
        redirect.addFlashAttribute("flash", "Type deactivated; its tickets keep it.");
        return "redirect:/admin/tickets/types";
    }

    @PostMapping("/{key}/activate")
    String activate(@PathVariable String key, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        administration.setTypeActive(key, true, me.initiator());
        redirect.addFlashAttribute("flash", "Type reactivated.");
        return "redirect:/admin/tickets/types";
    }

    /** {@code renaming}: the type whose rename was refused, with the name as typed. */
    private String page(Model model, String name, Map.Entry<String, String> renaming, Map<String, String> errors) {
        model.addAttribute("types", types.all());
        model.addAttribute("name", name);
        model.addAttribute("renameKey", renaming == null ? "" : renaming.getKey());
        model.addAttribute("renameTyped", renaming == null ? "" : renaming.getValue());
        model.addAttribute("fieldErrors", errors);
        return "ticket/admin/types";
    }
}
