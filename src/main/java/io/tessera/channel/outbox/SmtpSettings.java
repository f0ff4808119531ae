package io.tessera.channel.outbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The admin's SMTP settings ({@code smtp_settings}, one row). None saved: mail waits in the outbox. */
@Repository
public class SmtpSettings {

    private final JdbcClient jdbc;
    private final Clock clock;

    SmtpSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<SmtpServer> current() {
        return jdbc.sql("select host, port, security, username, password from smtp_settings where id = 1")
                .query((rs, n) -> new SmtpServer(rs.getString("host"), rs.getInt("port"),
                        SmtpServer.Security.valueOf(rs.getString("security")), rs.getString("username"),
                        rs.getString("password")))
                .optional();
    }

    /** Saves the settings; a blank password keeps the one saved before (the form never shows it). */
    @Transactional
    public void save(SmtpServer server) {
        save(server, false);
    }

    /**
     * Saves the settings. A blank password keeps the one saved before, unless {@code removePassword}: the
     * admin's form never shows the stored password, so "blank" cannot mean "none".
     */
    @Transactional
    public void save(SmtpServer server, boolean removePassword) {
        String password = removePassword ? null : server.password() == null || server.password().isEmpty()
                ? current().map(SmtpServer::password).orElse(null) : server.password();
        jdbc.sql("delete from smtp_settings where id = 1").update();
        jdbc.sql("insert into smtp_settings (id, host, port, security, username, password, updated_at) values (1, ?, ?, ?, ?, ?, ?)")
                .params(server.host().strip(), server.port(), server.security().name(),
                        server.username() == null || server.username().isBlank() ? null : server.username().strip(), password,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Removes the settings: mail stays queued again. */
    @Transactional
    public void clear() {
        jdbc.sql("delete from smtp_settings where id = 1").update();
    }
}
