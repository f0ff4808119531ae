package io.tessera.automation;

import java.util.Locale;

import io.tessera.sla.SlaEvents;
import io.tessera.ticket.TicketActivity;

/** When a trigger is considered: what happened to the ticket in the transaction. */
public enum TriggerEvent {
    CREATED("Ticket created"), UPDATED("Ticket updated"), CUSTOMER_REPLIED("Customer replied"),
    AGENT_REPLIED("Agent replied"), SLA_WARNING("SLA warning"), SLA_BREACHED("SLA breached");

    private final String label;

    TriggerEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code activity} is this event. A new ticket is "created", not also "customer replied" for its
     * first message; "updated" is any property change, by a person or by another rule. The SLA events come
     * from the SLA scanner (a deadline comes close, a deadline passed).
     */
    boolean happened(TicketActivity activity) {
        return switch (this) {
            case CREATED -> activity.created();
            case UPDATED -> !activity.created() && activity.changed();
            case CUSTOMER_REPLIED -> !activity.created() && activity.messageAdded("CUSTOMER_MESSAGE");
            case AGENT_REPLIED -> activity.messageAdded("PUBLIC_REPLY");
            case SLA_WARNING -> activity.has(SlaEvents.WARNING);
            case SLA_BREACHED -> activity.has(SlaEvents.BREACHED);
        };
    }

    static TriggerEvent fromKey(String key) {
        for (TriggerEvent event : values()) {
            if (event.key().equalsIgnoreCase(key == null ? "" : key.strip().replace(' ', '_').replace('-', '_'))) {
                return event;
            }
        }
        throw new InvalidRule("events", "Unknown event '" + key + "'. Use created, updated, customer_replied, agent_replied, sla_warning or sla_breached.");
    }
}
