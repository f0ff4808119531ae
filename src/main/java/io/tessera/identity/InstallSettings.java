package io.tessera.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Install-wide switches an admin flips in the UI, kept in the {@code setting} table (created with the
 * identity schema): read per request with one primary-key lookup, so every node sees a change at once.
 * Each module names its own keys ({@code tickets.agents-create-tags}, …) and owns their meaning.
 */
@Component
@Transactional
public class InstallSettings {

    private final JdbcClient jdbc;

    InstallSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean flag(String name, boolean fallback) {
        return jdbc.sql("select setting_value from setting where name = ?").param(name).query(String.class)
                .optional().map(Boolean::parseBoolean).orElse(fallback);
    }

    public void setFlag(String name, boolean value) {
        jdbc.sql("merge into setting s using (values (?, ?)) as v(name, setting_value) on s.name = v.name "
                        + "when matched then update set setting_value = v.setting_value "
                        + "when not matched then insert (name, setting_value) values (v.name, v.setting_value)")
                .params(name, Boolean.toString(value)).update();
    }
}
