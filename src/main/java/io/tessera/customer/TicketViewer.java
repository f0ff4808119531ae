package io.tessera.customer;

import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * Whose eyes a ticket list is for: supervisors and admins see every ticket ({@code all}); an agent sees
 * the tickets of their teams and those assigned to them, the same rule as the workspace. Customer and
 * organization pages apply it in SQL, so a profile never shows a ticket its reader could not open.
 */
public record TicketViewer(boolean all, Set<TeamId> teams, AgentId agent) {
}
