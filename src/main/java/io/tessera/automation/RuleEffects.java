package io.tessera.automation;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.tessera.conversation.Conversations;
import io.tessera.shared.Actor;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;

/**
 * Carries out a rule's actions on a ticket, the same for triggers and automations: the property changes in
 * one update through {@link TicketManagement} (the ticket's own checks, one set of events with the rule as
 * actor), then the notes and emails.
 */
@Component
class RuleEffects {

    private final TicketManagement tickets;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;

    RuleEffects(TicketManagement tickets, Conversations conversations, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.events = events;
    }

    /** Whether the ticket's properties changed (notes and emails do not change them). */
    boolean perform(List<RuleAction> actions, Ticket ticket, long ruleId) {
        Actor self = Actor.automation(ruleId);
        List<TicketChange> changes = actions.stream()
                .filter(RuleAction.Change.class::isInstance).map(a -> ((RuleAction.Change) a).change()).toList();
        if (!changes.isEmpty()) {
            tickets.update(ticket.id(), null, changes, self);
        }
        for (RuleAction action : actions) {
            // Java 17: no pattern switch; the property changes were applied above, together.
            if (action instanceof RuleAction.AddNote note) {
                conversations.ruleNote(ticket.id(), note.text(), self);
            } else if (action instanceof RuleAction.SendEmail mail) {
                events.publishEvent(new RuleMailRequested(ticket.id().value(), ruleId, mail.to(), mail.subject(), mail.body()));
            }
        }
        return !changes.isEmpty();
    }
}
