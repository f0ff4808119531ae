package io.tessera.ticket.web;

import java.util.EnumSet;
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

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketAdministration;
import io.tessera.ticket.TicketAdministration.StatusRow;
import io.tessera.ticket.TicketStatus;

/** Custom statuses: list, add (name → category), edit name, description, order and active. */
@Controller
@RequestMapping("/admin/tickets/statuses")
class StatusAdminController {

    /** The status form as typed; the category is only read when adding. */
    record StatusForm(String name, String category, String description, Boolean active, Integer position) {
        static StatusForm empty() {
            return new StatusForm("", "ON_HOLD", "", true, 0);
        }

        /** An unticked checkbox posts nothing. */
        public boolean isActive() {
            return Boolean.TRUE.equals(active);
        }

        int positionOrZero() {
            return position == null ? 0 : position;
        }
    }

    private final TicketAdministration administration;

    StatusAdminController(TicketAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    String list(Model model) {
        return page(model, StatusForm.empty(), Map.of());
    }

    @PostMapping
    String add(@ModelAttribute("form") StatusForm form, Model model, @AuthenticationPrincipal SignedInAgent me,
               RedirectAttributes redirect) {
        try {
            TicketStatus category = form.category() == null || form.category().isBlank() ? null : TicketStatus.fromKey(form.category());
            var status = administration.addStatus(form.name(), category, form.description(), form.positionOrZero(), me.initiator());
            redirect.addFlashAttribute("flash", "Status " + status.name() + " added.");
            return "redirect:/admin/tickets/statuses";
        } catch (InvalidTicketChange e) {
            return page(model, form, Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        StatusRow status = find(id);
        return edit(model, status, new StatusForm(status.name(), status.category().name(), status.description(),
                status.active(), status.position()), Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") StatusForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        StatusRow status = find(id);
        try {
            administration.updateStatus(id, form.name(), form.description(), form.isActive(), form.positionOrZero(), me.initiator());
            redirect.addFlashAttribute("flash", "Status " + form.name().strip() + " saved.");
            return "redirect:/admin/tickets/statuses";
        } catch (InvalidTicketChange e) {
            return edit(model, status, form, Map.of(e.field(), e.getMessage()));
        }
    }

    private StatusRow find(long id) {
        return administration.statuses().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private String page(Model model, StatusForm form, Map<String, String> errors) {
        model.addAttribute("statuses", administration.statuses());
        model.addAttribute("categories", EnumSet.complementOf(EnumSet.of(TicketStatus.NEW)));
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        return "ticket/admin/statuses";
    }

    private String edit(Model model, StatusRow status, StatusForm form, Map<String, String> errors) {
        model.addAttribute("status", status);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        return "ticket/admin/status-form";
    }
}
