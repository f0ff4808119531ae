package io.tessera.ticket;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.InstallSettings;
import io.tessera.identity.TicketScopes;

/**
 * Install-wide ticket settings an admin changes at {@code /admin/tickets}: whether every agent sees every
 * ticket (otherwise agents see their teams' tickets and their own), and whether agents may create new tags
 * (otherwise only admins extend the taxonomy). The first belongs to identity ({@link TicketScopes}),
 * which decides every agent's ticket scope; this class gathers both for the admin screen.
 */
@Component
@Transactional
public class TicketSettings {

    static final String AGENTS_CREATE_TAGS = "tickets.agents-create-tags";

    private final InstallSettings settings;
    private final TicketScopes scopes;

    TicketSettings(InstallSettings settings, TicketScopes scopes) {
        this.settings = settings;
        this.scopes = scopes;
    }

    @Transactional(readOnly = true)
    public boolean agentsSeeAllTickets() {
        return scopes.agentsSeeAllTickets();
    }

    @Transactional(readOnly = true)
    public boolean agentsCreateTags() {
        return settings.flag(AGENTS_CREATE_TAGS, true);
    }

    public void change(boolean agentsSeeAll, boolean agentsCreateTags) {
        scopes.setAgentsSeeAllTickets(agentsSeeAll);
        settings.setFlag(AGENTS_CREATE_TAGS, agentsCreateTags);
    }
}
