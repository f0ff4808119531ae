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
import io.tessera.identity.TicketScope;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.Visibility;

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
    private final TicketLinks links;
    private final ApplicationEventPublisher events;

    /** Rules see every ticket: the link to a follow-up's origin counts whoever may see it. */
    private static final Visibility EVERYTHING = new Visibility(new TicketScope(true, java.util.Set.of(), null));

    RuleEffects(TicketManagement tickets, Conversations conversations, Assignments assignments, SlaPolicies slaPolicies,
                WebhookQueue webhooks, TicketLinks links, ApplicationEventPublisher events) {
        this.links = links;
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
     * Who had the ticket before: its own assignee, or for a follow-up of a closed ticket, the agent who had
     * that one (they get it back when they can take it, docs/routing.md).
     */
    private java.util.Optional<io.tessera.shared.AgentId> previousAssignee(Ticket ticket) {
        if (ticket.assignee() != null) {
            return java.util.Optional.of(ticket.assignee());
        }
        return links.links(ticket.id(), EVERYTHING).stream()
                .filter(l -> l.type() == io.tessera.ticket.LinkType.FOLLOWS_UP)
                .map(l -> tickets.get(l.id()).assignee())
                .filter(java.util.Objects::nonNull)
                .findFirst();
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
        assignments.choose(current.team(), strategy.skills(), previousAssignee(current))
                .filter(agent -> !agent.equals(current.assignee()))
                .ifPresent(agent -> tickets.update(id, null, List.of(new TicketChange.Assign(agent)), self));
    }
}
