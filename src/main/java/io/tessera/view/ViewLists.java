package io.tessera.view;

import java.time.Clock;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.tessera.identity.Agent;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketPage;
import io.tessera.ticket.TicketQueries;

/**
 * The tickets of a view (or of ad-hoc conditions, as the API's filters) for one agent: the conditions
 * compiled from the agent's perspective, restricted by what the agent may see, one keyset page per query.
 */
@Service
public class ViewLists {

    private final TicketQueries queries;
    private final TicketAccess access;
    private final TicketFields fields;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<BusinessHours> businessHours;

    ViewLists(TicketQueries queries, TicketAccess access, TicketFields fields, Clock clock,
              org.springframework.beans.factory.ObjectProvider<BusinessHours> businessHours) {
        this.queries = queries;
        this.access = access;
        this.fields = fields;
        this.clock = clock;
        this.businessHours = businessHours;
    }

    public TicketPage page(View view, Agent agent, String cursor, int size) {
        return page(view.definition().conditions(), view.definition().order(), agent, cursor, size);
    }

    /** @throws InvalidView naming {@code cursor} when the cursor is not from this list's order */
    public TicketPage page(Conditions conditions, TicketOrder order, Agent agent, String cursor, int size) {
        try {
            return queries.page(access.viewer(agent.id()), conditions.toFilter(perspective(agent)), order, cursor, size);
        } catch (IllegalArgumentException e) {
            throw new InvalidView("cursor", "The cursor is not valid for this list; start again without it.");
        }
    }

    /** At most {@code bound}: see {@link ViewCounts}. */
    long countUpTo(View view, Agent agent, int bound) {
        return queries.countUpTo(access.viewer(agent.id()), view.definition().conditions().toFilter(perspective(agent)), bound);
    }

    public Perspective perspective(Agent agent) {
        return new Perspective(agent.id(), agent.teams().stream().map(t -> t.id()).collect(Collectors.toSet()), clock.instant(),
                fields::valuesOf, ticket -> {
                    throw new IllegalStateException("Views compile to SQL; they read no facts in memory");
                }, businessHours.getIfAvailable(() -> (calendar, at) -> false));
    }
}
