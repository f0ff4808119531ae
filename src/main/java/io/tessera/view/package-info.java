/**
 * Views: saved conditions + sort + columns that list tickets in the workspace and the API, with bounded
 * sidebar counts and bulk actions on the tickets of a list. The condition model ({@link
 * io.tessera.view.Condition}) is typed: each condition compiles itself to a parameterised SQL condition
 * over the ticket {@code t} and evaluates itself in memory against a {@link io.tessera.ticket.Ticket}, so
 * rules can reuse it. Depends on ticket, identity and customer; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "View")
package io.tessera.view;
