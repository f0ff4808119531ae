package io.tessera.conversation.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import io.tessera.conversation.Conversations;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketSummary;
import io.tessera.ticket.Visibility;

/**
 * A ticket's page: its conversation and its history from the event log. A ticket the agent may not see
 * answers 404, the same as one that does not exist, so numbers cannot be probed.
 */
@Controller
class TicketPageController {

    private final TicketQueries tickets;
    private final Conversations conversations;
    private final TicketEventLog eventLog;
    private final AgentManagement agents;

    TicketPageController(TicketQueries tickets, Conversations conversations, TicketEventLog eventLog,
                         AgentManagement agents) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.eventLog = eventLog;
        this.agents = agents;
    }

    @GetMapping("/tickets/{number}")
    String ticket(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        TicketSummary ticket = tickets.findByNumber(Visibility.of(agents.get(me.id())), number)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<Long, String> agentNames = agents.list().stream()
                .collect(Collectors.toMap(a -> a.id().value(), Agent::name, (a, b) -> a));
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", conversations.messages(ticket.id()));
        model.addAttribute("history", eventLog.history(ticket.id()));
        model.addAttribute("agentNames", agentNames);
        return "conversation/ticket";
    }

}
