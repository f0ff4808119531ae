package io.tessera.view;

import java.time.Instant;

/**
 * What conditions know about a ticket beyond its aggregate, for in-memory evaluation ({@link Perspective}):
 * the customer tier that applies (the organization's, else the requester's own), the requester's language
 * ({@code de}, {@code pt-BR}) and the next running SLA deadline; each {@code null} when there is none. SQL
 * reads the same from the tables.
 */
public record TicketFacts(String tier, String language, Instant slaDueAt) {

    public static final TicketFacts NONE = new TicketFacts(null, null, null);
}
