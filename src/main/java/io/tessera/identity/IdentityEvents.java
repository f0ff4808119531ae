package io.tessera.identity;

import io.tessera.shared.AgentId;
import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;

/**
 * Events the identity module publishes. Each is audited; other modules may react (e.g. ending the
 * sessions of a deactivated agent).
 */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record AgentCreated(AgentId agentId, String email, Role role, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.created", "agent", agentId.value(),
                    "Created agent " + email + " with role " + role.label());
        }
    }

    public record AgentProfileChanged(AgentId agentId, String email, String change, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.updated", "agent", agentId.value(), "Agent " + email + ": " + change);
        }
    }

    /** The agent's authorities changed: their sessions end so the new role applies at once. */
    public record AgentRoleChanged(AgentId agentId, String email, Role from, Role to, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.role_changed", "agent", agentId.value(),
                    "Agent " + email + ": role " + from.label() + " → " + to.label());
        }
    }

    /** The agent may no longer sign in: their sessions, remember-me logins and tokens stop working. */
    public record AgentDeactivated(AgentId agentId, String email, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.deactivated", "agent", agentId.value(), "Deactivated agent " + email);
        }
    }

    public record AgentReactivated(AgentId agentId, String email, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.reactivated", "agent", agentId.value(), "Reactivated agent " + email);
        }
    }

    public record AgentPasswordReset(AgentId agentId, String email, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.password_reset", "agent", agentId.value(),
                    "Reset the password of " + email);
        }
    }

    /** An admin forgot an agent's failed sign-ins, so no attempt for them waits any more. */
    public record SignInFailuresCleared(AgentId agentId, String email, int failures, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.sign_in_failures_cleared", "agent", agentId.value(),
                    "Cleared " + failures + " failed sign-ins for " + email);
        }
    }

    /** Failed sign-ins from one client address reached their limit: its further attempts wait (an alert for admins). */
    public record SignInsThrottledFromAddress(String address, int failures, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "sign_in.throttled_address", "sign_in", null,
                    failures + " failed sign-ins in the last day from " + address
                            + "; further attempts from this address wait");
        }
    }

    /**
     * Failed sign-ins for one email, from any addresses, reached their limit: addresses the agent has not
     * signed in from wait (an alert for admins). {@code agentId} is null when the email is no agent's.
     */
    public record SignInsThrottledForAccount(AgentId agentId, String email, int failures, Initiator by)
            implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "sign_in.throttled_account", agentId == null ? "sign_in" : "agent",
                    agentId == null ? null : agentId.value(),
                    failures + " failed sign-ins in the last day for " + (agentId == null ? "the unknown email " : "")
                            + email + "; addresses it has not signed in from wait");
        }
    }

    /**
     * An agent's browser sessions and remember-me logins are to end everywhere, and with
     * {@code tokensRevoked} their API tokens were revoked too: "sign out everywhere", by the agent or an admin.
     */
    public record AgentSignedOutEverywhere(AgentId agentId, String email, boolean tokensRevoked, Initiator by)
            implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "agent.signed_out_everywhere", "agent", agentId.value(),
                    "Signed " + email + " out everywhere" + (tokensRevoked ? " and revoked their API tokens" : ""));
        }
    }

    public record TeamCreated(TeamId teamId, String name, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "team.created", "team", teamId.value(), "Created team " + name);
        }
    }

    public record TeamChanged(TeamId teamId, String name, String change, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "team.updated", "team", teamId.value(), "Team " + name + ": " + change);
        }
    }

    public record TeamDeleted(TeamId teamId, String name, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "team.deleted", "team", teamId.value(), "Deleted team " + name);
        }
    }

    public record ApiTokenCreated(AgentId agentId, long tokenId, String tokenName, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "api_token.created", "agent", agentId.value(),
                    "Created API token \"" + tokenName + "\"");
        }
    }

    public record ApiTokenRevoked(AgentId agentId, long tokenId, String tokenName, Initiator by) implements AuditableEvent {
        public AuditRecord audit() {
            return new AuditRecord(by, "api_token.revoked", "agent", agentId.value(),
                    "Revoked API token \"" + tokenName + "\"");
        }
    }
}
