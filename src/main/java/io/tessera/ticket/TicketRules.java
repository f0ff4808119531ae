package io.tessera.ticket;

/**
 * What other modules plug in to react to a ticket's changes <em>inside</em> its transaction, so that what
 * the agent sees after saving already includes their work (triggers, routing, SLA deadlines). The ticket
 * module calls every bean of this type, in {@link org.springframework.core.annotation.Order} order, just
 * before the transaction that changed tickets commits: then the whole unit of work is there (a new ticket
 * with its first message, a reply with the changes sent along). Changes a rule makes go through {@link
 * TicketManagement} as usual and are offered to the rules again in a next round (see
 * {@link TicketActivityCollector} for the depth cap); a failure here fails the whole transaction, so an
 * implementation decides itself which of its failures it swallows.
 */
public interface TicketRules {

    void apply(TicketActivity activity);
}
