package io.tessera.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.internal.AgentRepository;

/** Loads agents for sign-in (form, HTTP Basic, remember-me) by their email, ignoring case. */
@Component
public class AgentAccounts implements UserDetailsService {

    private final AgentRepository agents;

    AgentAccounts(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    @Transactional(readOnly = true)
    public SignedInAgent loadUserByUsername(String email) {
        return agents.findPrincipalByEmail(AgentManagement.normalizeEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No agent with this email"));
    }
}
