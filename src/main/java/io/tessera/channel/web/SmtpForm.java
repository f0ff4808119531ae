package io.tessera.channel.web;

import java.util.Locale;

import io.tessera.channel.InvalidEmailSetting;
import io.tessera.channel.outbox.SmtpServer;

/**
 * The SMTP settings as typed. The port is text so that "58x" comes back to the form with a message rather
 * than as a binding error; the password is never filled in from the stored settings.
 */
record SmtpForm(String host, String port, String security, String username, String password, Boolean removePassword) {

    static SmtpForm of(SmtpServer server) {
        return server == null ? new SmtpForm("", "587", "STARTTLS", "", "", false)
                : new SmtpForm(server.host(), Integer.toString(server.port()), server.security().name(),
                server.username() == null ? "" : server.username(), "", false);
    }

    /** The same form without the typed password: what the page shows again after a refusal. */
    SmtpForm withoutPassword() {
        return new SmtpForm(host, port, security, username, "", removesPassword());
    }

    public boolean removesPassword() {
        return Boolean.TRUE.equals(removePassword);
    }

    SmtpServer toServer() {
        String typedPort = port == null ? "" : port.strip();
        if (!typedPort.matches("\\d{1,5}")) {
            throw new InvalidEmailSetting("port", "The port is a number from 1 to 65535 (usually 587, 465 or 25).");
        }
        SmtpServer.Security chosen;
        try {
            chosen = SmtpServer.Security.valueOf(security == null ? "" : security.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEmailSetting("security", "Choose TLS, STARTTLS or none.");
        }
        return new SmtpServer(host == null ? "" : host.strip(), Integer.parseInt(typedPort), chosen,
                username == null || username.isBlank() ? null : username.strip(), password);
    }
}
