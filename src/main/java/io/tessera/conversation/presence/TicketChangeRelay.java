package io.tessera.conversation.presence;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tessera.conversation.MessageKind;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.shared.Actor;
import io.tessera.ticket.TicketEventRecorded;

/**
 * Tells the open pages of a ticket that it changed — a reply, a note, a customer's message, a property —
 * once the change is committed, so an agent sees "New reply from Grace" before sending an answer that
 * crosses it. Deliberately not an event-publication-registry listener: a live hint that is lost in a
 * crash costs nothing (the version check on submit still catches the collision), so it is not stored.
 */
@Component
class TicketChangeRelay {

    private final PresenceHub hub;
    private final LiveFanout fanout;
    private final AgentManagement agents;

    TicketChangeRelay(PresenceHub hub, LiveFanout fanout, AgentManagement agents) {
        this.hub = hub;
        this.fanout = fanout;
        this.agents = agents;
    }

    @EventListener
    void on(TicketEventRecorded event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            relay(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay(event);
            }
        });
    }

    private void relay(TicketEventRecorded event) {
        // In a cluster the ticket may be open on another node: then this check moves behind the fan-out.
        if (!hub.watched(event.ticket())) {
            return;
        }
        Actor actor = event.actor();
        if (actor.type() == Actor.Type.AGENT && "message_added".equals(event.type())) {
            // They sent what they were typing: stop showing them as typing at once.
            hub.typing(event.ticket(), io.tessera.shared.AgentId.of(actor.id()), false);
        }
        String who = nameOf(actor);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", event.eventId());
        data.put("type", event.type());
        data.put("actorType", actor.type().name());
        data.put("actorId", actor.id());
        data.put("text", describe(event, who));
        fanout.publish(new LiveUpdate(event.ticketId(), "changed", data));
    }

    private String nameOf(Actor actor) {
        if (actor.type() == Actor.Type.AGENT) {
            return agents.find(io.tessera.shared.AgentId.of(actor.id())).map(Agent::name).orElse("An agent");
        }
        if (actor.type() == Actor.Type.CUSTOMER) {
            return "the customer";
        }
        return actor.type() == Actor.Type.RULE ? "an automation rule" : "Tessera";
    }

    private static String describe(TicketEventRecorded event, String who) {
        if (!"message_added".equals(event.type())) {
            return capitalized(who) + " changed this ticket";
        }
        String kind = event.text("kind");
        if (MessageKind.INTERNAL_NOTE.name().equals(kind)) {
            return "New internal note from " + who;
        }
        if (MessageKind.PUBLIC_REPLY.name().equals(kind)) {
            return "New reply from " + who;
        }
        return "New message from " + who;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
