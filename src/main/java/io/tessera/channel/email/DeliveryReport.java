package io.tessera.channel.email;

import java.util.List;

/**
 * The machine-readable part of a delivery status notification (RFC 3464 {@code message/delivery-status}
 * in a {@code multipart/report; report-type=delivery-status}): one entry per recipient, and the
 * Message-ID of the message it reports on when the report includes its headers.
 */
public record DeliveryReport(List<Recipient> recipients, String originalMessageId) {

    public DeliveryReport {
        recipients = List.copyOf(recipients);
        originalMessageId = originalMessageId == null ? "" : originalMessageId;
    }

    /**
     * One recipient's fate: address (from Final-Recipient, else Original-Recipient), Action
     * ({@code failed}, {@code delayed}, {@code delivered}, {@code relayed}, {@code expanded}), Status
     * ({@code 5.1.1}) and the remote server's Diagnostic-Code, each empty when absent.
     */
    public record Recipient(String address, String action, String status, String diagnostic) {
    }
}
