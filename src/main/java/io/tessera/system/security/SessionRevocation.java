package io.tessera.system.security;

import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.tessera.identity.IdentityEvents.AgentDeactivated;
import io.tessera.identity.IdentityEvents.AgentPasswordReset;
import io.tessera.identity.IdentityEvents.AgentRoleChanged;
import io.tessera.identity.IdentityEvents.AgentSignedOutEverywhere;
import io.tessera.shared.Actor;

/**
 * Ends an agent's browser sessions and remember-me logins when an admin deactivates them, changes their
 * role or resets their password, so the change applies now and not when the session would have expired,
 * and when the agent or an admin signs them out everywhere. Runs after the change commits; an agent
 * changing their own password keeps their current session.
 */
@Component
class SessionRevocation {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions,
                      PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentDeactivated event) {
        revoke(event.email());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentRoleChanged event) {
        revoke(event.email());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentSignedOutEverywhere event) {
        revoke(event.email());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentPasswordReset event) {
        boolean bySelf = event.by().actor() instanceof Actor.AgentActor agent && agent.agentId() == event.agentId().value();
        if (!bySelf) {
            revoke(event.email());
        }
    }

    private void revoke(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
        rememberMeTokens.removeUserTokens(email);
    }
}
