package io.tessera.identity;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.IdentityEvents.AgentLockedOut;
import io.tessera.identity.internal.AgentRepository;
import io.tessera.shared.Initiator;

/**
 * Account lockout: after {@code maxFailedLogins} wrong passwords in a row the account is locked for
 * {@code lockoutDuration}; a correct password resets the count. A locked account refuses even the right
 * password, so guessing cannot continue, and the lock ends by itself or when an admin unlocks it.
 */
@Component
public class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final AgentRepository agents;
    private final SecuritySettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInAttempts(AgentRepository agents, SecuritySettings settings, ApplicationEventPublisher events, Clock clock) {
        this.agents = agents;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void failed(String email) {
        String normalized = AgentManagement.normalizeEmail(email);
        int failures = agents.recordFailedLogin(normalized);
        if (failures >= settings.maxFailedLogins()) {
            Instant until = clock.instant().plus(settings.lockoutDuration());
            agents.lock(normalized, until);
            agents.findByEmail(normalized).ifPresent(agent ->
                    events.publishEvent(new AgentLockedOut(agent.id(), normalized, failures, Initiator.system())));
            log.warn("Sign-in locked for agent {} until {} after {} failed attempts", agentIdFor(normalized), until, failures);
        }
    }

    @Transactional
    public void succeeded(String email) {
        agents.recordSuccessfulLogin(AgentManagement.normalizeEmail(email), clock.instant());
    }

    // Logs name the agent by id: emails are personal data and do not belong in logs.
    private String agentIdFor(String email) {
        return agents.findByEmail(email).map(a -> a.id().toString()).orElse("?");
    }
}
