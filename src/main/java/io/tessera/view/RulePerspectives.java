package io.tessera.view;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.tessera.customer.CustomerFacts;
import io.tessera.customer.Customers;
import io.tessera.shared.AgentId;
import io.tessera.ticket.TicketDeadlines;
import io.tessera.ticket.TicketFields;

/**
 * The perspective rules evaluate their conditions in memory with — triggers, automations, SLA policies:
 * "me" is the acting agent (or nobody), no teams of "mine", and the custom-field values and requester facts
 * read on demand, so a rule without such conditions costs no query for them.
 */
@Component
public class RulePerspectives {

    /** Stands for "me" when no agent is acting: no ticket is assigned to id 0. */
    public static final AgentId NOBODY = AgentId.of(0);

    private final TicketFields fields;
    private final Customers customers;
    private final TicketDeadlines deadlines;

    private final BusinessHours businessHours;

    RulePerspectives(TicketFields fields, Customers customers, TicketDeadlines deadlines,
                     org.springframework.beans.factory.ObjectProvider<BusinessHours> businessHours) {
        this.fields = fields;
        this.customers = customers;
        this.deadlines = deadlines;
        this.businessHours = businessHours.getIfAvailable(() -> (calendar, at) -> false);
    }

    public Perspective of(AgentId me, Instant now) {
        return new Perspective(me == null ? NOBODY : me, Set.of(), now, fields::valuesOf, ticket -> {
            CustomerFacts facts = customers.facts(ticket.requester(), ticket.organization());
            return new TicketFacts(facts.tier(), facts.language(), deadlines.nextSlaDue(ticket.id()));
        }, businessHours);
    }
}
