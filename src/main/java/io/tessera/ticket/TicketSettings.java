package io.tessera.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Install-wide ticket settings an admin changes at {@code /admin/tickets}: whether every agent sees every
 * ticket (otherwise agents see their teams' tickets and their own), and whether agents may create new tags
 * (otherwise only admins extend the taxonomy). Kept in the {@code setting} table, read per request: one
 * primary-key lookup, and every node sees a change at once.
 */
@Component
@Transactional
public class TicketSettings {

    static final String AGENTS_SEE_ALL = "tickets.agents-see-all";
    static final String AGENTS_CREATE_TAGS = "tickets.agents-create-tags";

    private final JdbcClient jdbc;

    TicketSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean agentsSeeAllTickets() {
        return flag(AGENTS_SEE_ALL, false);
    }

    @Transactional(readOnly = true)
    public boolean agentsCreateTags() {
        return flag(AGENTS_CREATE_TAGS, true);
    }

    public void change(boolean agentsSeeAll, boolean agentsCreateTags) {
        set(AGENTS_SEE_ALL, agentsSeeAll);
        set(AGENTS_CREATE_TAGS, agentsCreateTags);
    }

    private boolean flag(String name, boolean fallback) {
        return jdbc.sql("select setting_value from setting where name = ?").param(name).query(String.class)
                .optional().map(Boolean::parseBoolean).orElse(fallback);
    }

    private void set(String name, boolean value) {
        jdbc.sql("merge into setting s using (values (?, ?)) as v(name, setting_value) on s.name = v.name "
                        + "when matched then update set setting_value = v.setting_value "
                        + "when not matched then insert (name, setting_value) values (v.name, v.setting_value)")
                .params(name, Boolean.toString(value)).update();
    }
}
