package io.tessera.ticket.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketAdministration;
import io.tessera.ticket.TicketSettings;

/** {@code /admin/tickets}: the ticket admin screens' start page, with the install-wide ticket settings. */
@Controller
class TicketSettingsAdminController {

    private final TicketSettings settings;
    private final TicketAdministration administration;

    TicketSettingsAdminController(TicketSettings settings, TicketAdministration administration) {
        this.settings = settings;
        this.administration = administration;
    }

    @GetMapping("/admin/tickets")
    String overview(Model model) {
        model.addAttribute("agentsSeeAll", settings.agentsSeeAllTickets());
        model.addAttribute("agentsCreateTags", settings.agentsCreateTags());
        return "ticket/admin/overview";
    }

    @PostMapping("/admin/tickets/settings")
    String save(@RequestParam(defaultValue = "false") boolean agentsSeeAll,
                @RequestParam(defaultValue = "false") boolean agentsCreateTags,
                @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        administration.changeSettings(agentsSeeAll, agentsCreateTags, me.initiator());
        redirect.addFlashAttribute("flash", "Ticket settings saved.");
        return "redirect:/admin/tickets";
    }
}
