package io.tessera.channel.mailbox;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.tessera.shared.TeamId;

/**
 * What an admin sets for a mailbox. {@code password} is a secret: never logged, never shown back; blank when
 * editing means "keep the stored one" ({@link #withStoredPassword}).
 *
 * @param folder      the IMAP folder read (usually {@code INBOX}); POP3 has only the inbox
 * @param pollSeconds how often it is polled, at least {@value #MIN_POLL_SECONDS} seconds
 * @param team        the team its tickets go to, or {@code null}
 */
public record MailboxSettings(String name, MailboxProtocol protocol, String host, Integer port, MailboxSecurity security,
                              String username, String password, String folder, Integer pollSeconds, TeamId team,
                              String supportAddress, boolean enabled, AfterImport afterImport) {

    public static final int MIN_POLL_SECONDS = 10;
    static final int MAX_POLL_SECONDS = 24 * 60 * 60;

    public MailboxSettings {
        name = strip(name);
        host = strip(host);
        username = strip(username);
        folder = protocol == MailboxProtocol.POP3 ? "INBOX" : strip(folder);
        supportAddress = strip(supportAddress);
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** These settings with the stored password when none was typed (the form never shows it). */
    public MailboxSettings withStoredPassword(String stored) {
        return hasPassword() ? this : new MailboxSettings(name, protocol, host, port, security, username, stored, folder,
                pollSeconds, team, supportAddress, enabled, afterImport);
    }

    /** What is wrong, by form field; empty when the settings can be saved. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        require(problems, "name", name, 120, "Give the mailbox a name.");
        if (protocol == null) {
            problems.put("protocol", "Choose IMAP or POP3.");
        }
        require(problems, "host", host, 255, "Enter the mail server's host name, e.g. imap.example.com.");
        if (host != null && !host.isEmpty() && !host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            problems.put("host", "A host name has no spaces or slashes, e.g. imap.example.com.");
        }
        if (port == null || port < 1 || port > 65535) {
            problems.put("port", "The port is a number from 1 to 65535, usually 993 (IMAP) or 995 (POP3).");
        }
        if (security == null) {
            problems.put("security", "Choose TLS, STARTTLS or none.");
        }
        require(problems, "username", username, 320, "Enter the user name the mailbox signs in with.");
        if (!hasPassword()) {
            problems.put("password", "Enter the password (or app password).");
        } else if (password.length() > 1000) {
            problems.put("password", "At most 1000 characters.");
        }
        require(problems, "folder", folder, 255, "Enter the folder to read, usually INBOX.");
        if (pollSeconds == null || pollSeconds < MIN_POLL_SECONDS || pollSeconds > MAX_POLL_SECONDS) {
            problems.put("pollSeconds", "Poll every " + MIN_POLL_SECONDS + " seconds at the least, once a day at the most.");
        }
        require(problems, "supportAddress", supportAddress, 320, "Enter the address customers write to, e.g. support@example.com.");
        if (supportAddress != null && !supportAddress.isEmpty() && !isAddress(supportAddress)) {
            problems.put("supportAddress", "That is not an email address.");
        }
        if (afterImport == null || protocol != null && !AfterImport.choicesFor(protocol).contains(afterImport)) {
            problems.put("afterImport", protocol == MailboxProtocol.POP3
                    ? "POP3 can delete messages or keep them." : "IMAP can mark messages as read or delete them.");
        }
        return problems;
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + name + ", " + protocol + " " + username + "@" + host + ":" + port + ", " + security + "]";
    }

    private static void require(Map<String, String> problems, String field, String value, int max, String missing) {
        if (value == null || value.isEmpty()) {
            problems.put(field, missing);
        } else if (value.length() > max) {
            problems.put(field, "At most " + max + " characters.");
        }
    }

    private static boolean isAddress(String value) {
        try {
            new InternetAddress(value, true).validate();
            return value.contains("@");
        } catch (AddressException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
