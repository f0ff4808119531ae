package io.tessera.conversation.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import io.tessera.conversation.Mentions;
import io.tessera.identity.Agent;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TicketScopes;
import io.tessera.ticket.Ticket;

/**
 * The colleagues the reply box offers after "@" (js/mentions.js): active agents who may see the ticket,
 * since a mention of anyone else notifies nobody. Each is inserted as {@code @handle}, or as
 * {@code @[Full Name]} when two agents share the handle (which would mention nobody). Computed when the
 * page renders, from the ticket and the active agents the page has already loaded (no further queries but
 * the setting).
 */
@ControllerAdvice(assignableTypes = TicketPageController.class)
class MentionCandidates {

    /** One entry of the menu: what it shows and what it inserts. */
    record Candidate(String name, String handle, String insert) {
    }

    private final TicketScopes scopes;

    MentionCandidates(TicketScopes scopes) {
        this.scopes = scopes;
    }

    @ModelAttribute
    void mentionable(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("mentionable", new LazyContextVariable<List<Candidate>>() {
            @Override
            @SuppressWarnings("unchecked")
            protected List<Candidate> loadValue() {
                // Set by TicketPageController for the page it renders ("agents": the active agents).
                return candidates((Ticket) model.getAttribute("ticket"), (List<Agent>) model.getAttribute("agents"), me);
            }
        });
    }

    private List<Candidate> candidates(Ticket ticket, List<Agent> active, SignedInAgent me) {
        boolean agentsSeeAll = scopes.agentsSeeAllTickets();
        Map<String, Long> handles = active.stream()
                .collect(Collectors.groupingBy(a -> Mentions.handleOf(a.email()), Collectors.counting()));
        Function<Agent, String> insert = a -> {
            String handle = Mentions.handleOf(a.email());
            return handles.get(handle) > 1 ? "@[" + a.name() + "]" : "@" + handle;
        };
        return active.stream()
                .filter(a -> !a.id().equals(me.id()))
                .filter(a -> TicketScopes.of(a, agentsSeeAll).covers(ticket.team(), ticket.assignee()))
                .map(a -> new Candidate(a.name(), Mentions.handleOf(a.email()), insert.apply(a)))
                .toList();
    }
}
