package io.tessera.conversation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketMerges;

/**
 * Gives the ticket page its {@code relations} ({@link RelationsPanel}) without touching its controller:
 * the links/followers/merge fragment reads them. Lazy, so a submit that ends in a redirect reads nothing;
 * loaded, it costs four small indexed queries on the ticket the page already holds.
 */
@ControllerAdvice(assignableTypes = TicketPageController.class)
class TicketRelationsModel {

    private final TicketAccess access;
    private final TicketManagement tickets;
    private final TicketMerges merges;
    private final TicketLinks links;
    private final TicketFollowers followers;

    TicketRelationsModel(TicketAccess access, TicketManagement tickets, TicketMerges merges, TicketLinks links,
                         TicketFollowers followers) {
        this.access = access;
        this.tickets = tickets;
        this.merges = merges;
        this.links = links;
        this.followers = followers;
    }

    @ModelAttribute
    void relations(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("relations", new LazyContextVariable<RelationsPanel>() {
            @Override
            protected RelationsPanel loadValue() {
                // The ticket TicketPageController renders, already checked against the agent's visibility.
                Ticket ticket = (Ticket) model.getAttribute("ticket");
                return new RelationsPanel(
                        ticket.mergedInto() == null ? null : tickets.find(ticket.mergedInto()).map(Ticket::ref).orElse(null),
                        merges.mergedInto(ticket.id()), links.links(ticket.id(), access.viewer(me.id())),
                        followers.followers(ticket.id()));
            }
        });
    }
}
