package io.tessera.channel.outbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.conversation.MessageDeliveries;

/**
 * Tells the ticket page which replies' mail is stuck: failed, retrying after an error, or suppressed because
 * every recipient bounces. One query for all the page's messages ({@link Outbox#forMessages}).
 */
@Component
class OutboxDeliveries implements MessageDeliveries {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Outbox outbox;

    OutboxDeliveries(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Map<Long, Problem> problems(List<Long> messageIds) {
        Map<Long, Problem> problems = new HashMap<>();
        outbox.forMessages(messageIds).forEach((messageId, mail) -> {
            String summary = switch (mail.status()) {
                case FAILED -> "Not delivered, gave up after " + attempts(mail) + ": " + error(mail);
                case RETRYING -> "Not delivered yet (" + attempts(mail) + ", next try " + TIME.format(mail.nextAttemptAt())
                        + "): " + error(mail);
                case SUPPRESSED -> "Not sent: " + error(mail);
                default -> null;
            };
            if (summary != null) {
                problems.put(messageId, new Problem(mail.status().name().toLowerCase(), summary,
                        "/admin/email/outbox/" + mail.id()));
            }
        });
        return problems;
    }

    private static String attempts(OutboundMail mail) {
        // 0: postponed with the rest of its batch because the SMTP server could not be reached (OutboxSender).
        return mail.attempts() == 0 ? "not tried yet" : mail.attempts() == 1 ? "1 attempt" : mail.attempts() + " attempts";
    }

    private static String error(OutboundMail mail) {
        return mail.lastError() == null ? "no reason recorded" : mail.lastError();
    }
}
