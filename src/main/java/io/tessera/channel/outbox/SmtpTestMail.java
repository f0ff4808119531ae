package io.tessera.channel.outbox;

import jakarta.mail.MessagingException;

import org.springframework.stereotype.Component;

import io.tessera.channel.settings.SupportAddresses;

/**
 * "Send test mail" on the SMTP screen: one mail through the saved settings, right now and outside the
 * outbox, so the admin sees the server's answer or its error while still looking at the form.
 */
@Component
public class SmtpTestMail {

    /** What happened: sent (with the server's reply) or not (with the error, never the password). */
    public record Result(boolean sent, String answer) {
    }

    private final SmtpSettings settings;
    private final MailTransport transport;
    private final SupportAddresses addresses;

    SmtpTestMail(SmtpSettings settings, MailTransport transport, SupportAddresses addresses) {
        this.settings = settings;
        this.transport = transport;
        this.addresses = addresses;
    }

    public Result send(String to) {
        SmtpServer server = settings.current().orElse(null);
        if (server == null) {
            return new Result(false, "No SMTP server is saved yet: save the settings first.");
        }
        try {
            return new Result(true, transport.sendTest(server, addresses.defaultSender(), to));
        } catch (MessagingException | RuntimeException e) {
            return new Result(false, describe(e));
        }
    }

    /** The outermost message and, when it adds something, the root cause ("… (Connection refused)"). */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String inner = root == e || root.getMessage() == null || outer.contains(root.getMessage()) ? "" : " (" + root.getMessage() + ")";
        return (outer + inner).replaceAll("\\s+", " ").strip();
    }
}
