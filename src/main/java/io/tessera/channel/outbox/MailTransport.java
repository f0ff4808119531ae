package io.tessera.channel.outbox;

import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.core.io.InputStreamSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.tessera.conversation.Attachment;
import io.tessera.conversation.Attachments;
import io.tessera.shared.CheckedSocketFactory;
import io.tessera.shared.HostPolicy;

/**
 * Turns an outbox row into a MIME message and hands it to the SMTP server: text and HTML alternatives,
 * the message's files attached, our Message-ID, In-Reply-To and References, and headers that keep other
 * systems from answering automatically ({@code Auto-Submitted: auto-generated} and
 * {@code X-Auto-Response-Suppress} on automatic mail, RFC 3834; out-of-office suppression on replies too).
 * Connections go through a {@link CheckedSocketFactory}: an SMTP server on an internal address is refused
 * when connecting, whatever was saved or whatever its name resolves to by then (docs/security.md).
 */
@Component
class MailTransport {

    private final Attachments attachments;
    private final HostPolicy hosts;
    private final SmtpTimeouts timeouts;

    MailTransport(Attachments attachments, HostPolicy hosts, SmtpTimeouts timeouts) {
        this.attachments = attachments;
        this.hosts = hosts;
        this.timeouts = timeouts;
    }

    void send(SmtpServer server, OutboundMail mail) throws MessagingException {
        JavaMailSenderImpl sender = sender(server);
        MimeMessage message = new IdentifiedMessage(sender.getSession(), mail.messageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(mail.from(), false));
        helper.setTo(mail.to().toArray(String[]::new));
        if (!mail.cc().isEmpty()) {
            helper.setCc(mail.cc().toArray(String[]::new));
        }
        helper.setSubject(mail.subject());
        if (mail.html() == null) {
            helper.setText(mail.text(), false);
        } else {
            helper.setText(mail.text(), mail.html());
        }
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references().stream().map(id -> "<" + id + ">").toList()));
        }
        if (mail.automatic()) {
            message.setHeader("Auto-Submitted", mail.kind() == OutboundKind.ACKNOWLEDGEMENT ? "auto-replied" : "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader("Precedence", "auto_reply");
        } else {
            // A person's reply, but one an out-of-office notice need not answer.
            message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");
        }
        if (mail.messageRowId() != null) {
            List<Attachment> files = attachments.forMessages(List.of(mail.messageRowId()));
            for (Attachment file : files) {
                if (!file.served()) {
                    // Quarantined by the virus scanner, or not scanned yet: never mailed out.
                    continue;
                }
                InputStreamSource source = () -> attachments.open(file);
                helper.addAttachment(file.fileName(), source, file.contentType());
            }
        }
        sender.send(message);
    }

    /**
     * A test of the settings: connects, authenticates, and sends one short mail at once, bypassing the
     * outbox. Returns the server's last reply (e.g. {@code 250 2.0.0 Ok: queued as 4F2A}), for the admin.
     */
    String sendTest(SmtpServer server, String from, String to) throws MessagingException {
        JavaMailSenderImpl sender = sender(server);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(new InternetAddress(from, false));
        helper.setTo(to);
        helper.setSubject("Tessera test mail");
        helper.setText("This is a test mail from Tessera: the SMTP settings work.");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.saveChanges();
        // JavaMailSenderImpl leaves the protocol null for plain SMTP and picks "smtp" itself when it sends.
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        try (Transport transport = sender.getSession().getTransport(protocol)) {
            transport.connect(server.host(), server.port(), server.authenticates() ? server.username() : null,
                    server.authenticates() ? server.password() : null);
            transport.sendMessage(message, message.getAllRecipients());
            return lastServerResponse(transport);
        }
    }

    /** The server's reply to the message, e.g. {@code 250 2.0.0 Ok: queued as 4F2A}: only SMTP transports know it. */
    private static String lastServerResponse(Transport transport) {
        String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        return reply == null || reply.isBlank() ? "Sent." : reply.strip();
    }

    private JavaMailSenderImpl sender(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", timeouts.connectMillis());
        properties.put("mail.smtp.timeout", timeouts.millis());
        properties.put("mail.smtp.writetimeout", timeouts.millis());
        if (server.authenticates()) {
            sender.setUsername(server.username());
            sender.setPassword(server.password());
            properties.put("mail.smtp.auth", "true");
        }
        switch (server.security()) {
            case TLS -> {
                sender.setProtocol("smtps");
                properties.put("mail.smtps.ssl.checkserveridentity", "true");
                properties.put("mail.smtps.connectiontimeout", timeouts.connectMillis());
                properties.put("mail.smtps.timeout", timeouts.millis());
                properties.put("mail.smtps.writetimeout", timeouts.millis());
                if (server.authenticates()) {
                    properties.put("mail.smtps.auth", "true");
                }
            }
            case STARTTLS -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // A relay on the same host or network: plain SMTP.
            }
        }
        CheckedSocketFactory.install(properties, hosts, "smtp", "smtps");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    /** Keeps the Message-ID we chose: Jakarta Mail would otherwise write its own when saving. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

}
