package io.tessera.ticket.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketAccess;

/**
 * The agent workspace: the tickets the agent may see, newest activity first, 50 to a page. Views,
 * counts and bulk actions come with the tickets issue.
 */
@Controller
class WorkspaceController {

    private static final int PAGE_SIZE = 50;

    private final TicketQueries tickets;
    private final TicketAccess access;

    WorkspaceController(TicketQueries tickets, TicketAccess access) {
        this.tickets = tickets;
        this.access = access;
    }

    @GetMapping("/")
    String workspace(@RequestParam(defaultValue = "unsolved") String show, @RequestParam(required = false) String after,
                     @AuthenticationPrincipal SignedInAgent me, Model model) {
        Set<TicketStatus> statuses = switch (show) {
            case "all" -> EnumSet.allOf(TicketStatus.class);
            case "solved" -> EnumSet.of(TicketStatus.SOLVED, TicketStatus.CLOSED);
            default -> EnumSet.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD);
        };
        model.addAttribute("page", tickets.page(access.viewer(me.id()), statuses, after, PAGE_SIZE));
        model.addAttribute("show", show);
        model.addAttribute("firstPage", after == null);
        return "ticket/workspace";
    }
}
