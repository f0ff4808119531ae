/**
 * The ticket's JSON representation, shared by every endpoint that returns tickets (the ticket API, views,
 * merges), so a ticket looks the same wherever a client meets it.
 */
@org.springframework.modulith.NamedInterface("api")
package io.tessera.ticket.api;
