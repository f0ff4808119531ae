/**
 * Routing: which agent of a team gets a ticket. Each team has an assignment {@link io.tessera.routing.Strategy}
 * (manual, round robin, least loaded, skills); every strategy honours the agents' availability, shifts and
 * capacity, and a follow-up goes back to the agent who had the ticket before. {@link
 * io.tessera.routing.Assignments} is the module's API. Depends on ticket, identity and shared; nothing
 * depends on it (automation will, to route from triggers).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.tessera.routing;
