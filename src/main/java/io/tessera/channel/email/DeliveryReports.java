package io.tessera.channel.email;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/** Reads the parts of a delivery status notification (RFC 3464) into a {@link DeliveryReport}. */
final class DeliveryReports {

    private DeliveryReports() {
    }

    /** RFC 3464 fields: a per-message block, then one block per recipient. */
    static DeliveryReport deliveryReport(byte[] bytes, DeliveryReport earlier) throws MessagingException {
        List<DeliveryReport.Recipient> recipients = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        boolean first = true;
        while (in.available() > 0) {
            InternetHeaders block = new InternetHeaders(in, true);
            String recipient = field(block, "Final-Recipient");
            if (recipient.isEmpty()) {
                recipient = field(block, "Original-Recipient");
            }
            String action = field(block, "Action").toLowerCase(Locale.ROOT);
            if (!first || !recipient.isEmpty() || !action.isEmpty()) {
                if (!recipient.isEmpty() || !action.isEmpty() || !field(block, "Status").isEmpty()) {
                    int semicolon = recipient.indexOf(';'); // "rfc822; someone@example.com"
                    String address = MailHeaders.stripAngles(semicolon < 0 ? recipient : recipient.substring(semicolon + 1));
                    String status = field(block, "Status");
                    Matcher code = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}").matcher(status);
                    recipients.add(new DeliveryReport.Recipient(address, action, code.find() ? code.group() : status,
                            field(block, "Diagnostic-Code")));
                }
            }
            first = false;
        }
        return new DeliveryReport(recipients, earlier == null ? "" : earlier.originalMessageId());
    }

    private static String field(InternetHeaders block, String name) {
        String value = block.getHeader(name, " ");
        return value == null ? "" : MimeUtility.unfold(value).strip();
    }

    static DeliveryReport withOriginal(DeliveryReport report, byte[] headers) {
        try {
            InternetHeaders original = new InternetHeaders(new ByteArrayInputStream(headers), true);
            String id = MailHeaders.firstId(field(original, "Message-ID"));
            return new DeliveryReport(report == null ? List.of() : report.recipients(), id);
        } catch (MessagingException | RuntimeException e) {
            return report == null ? new DeliveryReport(List.of(), "") : report;
        }
    }
}
