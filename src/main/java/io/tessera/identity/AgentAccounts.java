package io.tessera.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.internal.AgentRepository;

/** Loads agents for sign-in (form, HTTP Basic, remember-me) by their email, ignoring case. */
@Component
public class AgentAccounts implements UserDetailsService {

    private final AgentRepository agents;
    private final Clock clock;

    AgentAccounts(AgentRepository agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInAgent loadUserByUsername(String email) {
        return agents.findPrincipalByEmail(AgentManagement.normalizeEmail(email), clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("No agent with this email"));
    }
}
