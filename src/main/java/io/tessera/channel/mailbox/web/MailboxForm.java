package io.tessera.channel.mailbox.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.tessera.channel.mailbox.AfterImport;
import io.tessera.channel.mailbox.MailboxProtocol;
import io.tessera.channel.mailbox.MailboxSecurity;
import io.tessera.channel.mailbox.MailboxSettings;
import io.tessera.shared.TeamId;

/**
 * The mailbox form as typed: text throughout, so a port of "99a" comes back as typed with its error. The
 * password is write-only: the page never renders it, and blank when editing keeps the stored one.
 */
record MailboxForm(String name, String protocol, String host, String port, String security, String username,
                   String password, String folder, String pollSeconds, String teamId, String supportAddress,
                   Boolean enabled, String afterImport) {

    static MailboxForm empty() {
        return new MailboxForm("", "IMAP", "", "993", "TLS", "", "", "INBOX", "60", "", "", true, "MARK_READ");
    }

    static MailboxForm of(MailboxSettings settings) {
        return new MailboxForm(settings.name(), settings.protocol().name(), settings.host(), String.valueOf(settings.port()),
                settings.security().name(), settings.username(), "", settings.folder(), String.valueOf(settings.pollSeconds()),
                settings.team() == null ? "" : String.valueOf(settings.team().value()), settings.supportAddress(),
                settings.enabled(), settings.afterImport().name());
    }

    /** An unticked checkbox posts nothing. */
    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The same form without the password, to render it again. */
    MailboxForm withoutPassword() {
        return new MailboxForm(name, protocol, host, port, security, username, "", folder, pollSeconds, teamId,
                supportAddress, enabled, afterImport);
    }

    /** The settings as far as they could be read, and what could not be read, by field. */
    record Read(MailboxSettings settings, Map<String, String> problems) {
    }

    Read read() {
        Map<String, String> problems = new LinkedHashMap<>();
        MailboxProtocol readProtocol = choice(MailboxProtocol.class, protocol);
        MailboxSecurity readSecurity = choice(MailboxSecurity.class, security);
        AfterImport readAfterImport = choice(AfterImport.class, afterImport);
        Integer readPort = number(port, "port", "The port is a number, usually 993 (IMAP) or 995 (POP3).", problems);
        Integer readPoll = number(pollSeconds, "pollSeconds", "Seconds between polls, a number (at least "
                + MailboxSettings.MIN_POLL_SECONDS + ").", problems);
        Integer readTeam = number(teamId, "team", "Choose a team from the list.", problems);
        var settings = new MailboxSettings(name, readProtocol, host, readPort, readSecurity, username, password, folder,
                readPoll, readTeam == null ? null : TeamId.of(readTeam), supportAddress, isEnabled(), readAfterImport);
        settings.problems().forEach(problems::putIfAbsent);
        return new Read(settings, problems);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Integer number(String value, String field, String problem, Map<String, String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.put(field, problem);
            return null;
        }
    }
}
