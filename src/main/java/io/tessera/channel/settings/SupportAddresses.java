package io.tessera.channel.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tessera.channel.MailProperties;
import io.tessera.shared.TeamId;

/**
 * The addresses Tessera receives mail at and sends it from: the install's ({@code TESSERA_SUPPORT_ADDRESS},
 * addresses or whole {@code @domains}), each team's sending address, and each mailbox's. Mail from one of
 * them is our own mail coming back (a loop) and is never turned into a ticket.
 */
@Component
public class SupportAddresses {

    private final MailProperties settings;
    private final JdbcClient jdbc;

    SupportAddresses(MailProperties settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** Whether mail to this address is ours to receive. */
    public boolean accepts(String address) {
        String normalized = normalize(address);
        if (normalized.isEmpty()) {
            return false;
        }
        for (String configured : settings.supportAddresses()) {
            if (configured.startsWith("@") ? normalized.endsWith(configured) : normalized.equals(configured)) {
                return true;
            }
        }
        return teamFor(normalized).isPresent() || isMailboxAddress(normalized);
    }

    /** Whether the address is one of ours (a loop when it sends us mail). */
    public boolean isOurs(String address) {
        return accepts(address);
    }

    /** The team whose sending address or mailbox this is, when one is. */
    public Optional<TeamId> teamFor(String address) {
        String normalized = normalize(address);
        List<Long> teams = jdbc.sql("select team_id from team_mail_settings where lower(support_address) = ? "
                        + "union select team_id from mailbox where lower(support_address) = ? and team_id is not null")
                .params(normalized, normalized).query(Long.class).list();
        return teams.stream().findFirst().map(TeamId::new);
    }

    /** The install's default sending address. */
    public String defaultSender() {
        return settings.defaultSender();
    }

    private boolean isMailboxAddress(String normalized) {
        return jdbc.sql("select count(*) from mailbox where lower(support_address) = ?").param(normalized)
                .query(Long.class).single() > 0;
    }

    private static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
