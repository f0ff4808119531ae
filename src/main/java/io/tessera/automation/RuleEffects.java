package io.tessera.automation;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.tessera.automation.webhook.WebhookQueue;
import io.tessera.conversation.Conversations;
import io.tessera.routing.Assignments;
import io.tessera.shared.Actor;
import io.tessera.sla.SlaPolicies;
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
    private final Assignments assignments;
    private final SlaPolicies slaPolicies;
    private final WebhookQueue webhooks;
    private final ApplicationEventPublisher events;

    RuleEffects(TicketManagement tickets, Conversations conversations, Assignments assignments, SlaPolicies slaPolicies,
                WebhookQueue webhooks, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.conversations = conversations;
        this.assignments = assignments;
        this.slaPolicies = slaPolicies;
        this.webhooks = webhooks;
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
            } else if (action instanceof RuleAction.AssignByStrategy strategy) {
                assignByStrategy(ticket.id(), strategy, self);
            } else if (action instanceof RuleAction.ApplySlaPolicy sla) {
                slaPolicies.pin(ticket.id(), sla.policyId());
            } else if (action instanceof RuleAction.Notify notify) {
                events.publishEvent(new RuleNotificationRequested(ticket.id().value(), ruleId, notify.who(), notify.text(),
                        tickets.lastEventId(ticket.id())));
            } else if (action instanceof RuleAction.CallWebhook hook) {
                webhooks.enqueue(ruleId, ticket.id(), hook.url(), hook.secret());
            }
        }
        return !changes.isEmpty();
    }

    /**
     * The team's strategy picks the agent, with the team's routing row locked until this transaction ends
     * (two tickets routed at once never both go past an agent's cap). Manual teams and teams with nobody
     * available leave the ticket as it is: unassigned in the team's queue.
     */
    private void assignByStrategy(io.tessera.shared.TicketId id, RuleAction.AssignByStrategy strategy, Actor self) {
        Ticket current = tickets.get(id);
        if (current.team() == null) {
            return;
        }
        assignments.choose(current.team(), strategy.skills(), java.util.Optional.ofNullable(current.assignee()))
                .filter(agent -> !agent.equals(current.assignee()))
                .ifPresent(agent -> tickets.update(id, null, List.of(new TicketChange.Assign(agent)), self));
    }
}
