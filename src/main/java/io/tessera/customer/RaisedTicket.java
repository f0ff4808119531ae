package io.tessera.customer;

import java.time.Instant;
import java.util.Locale;

/**
 * A ticket as the customer and organization pages list it. Status and priority are the ticket module's
 * names, read as text: this module may not depend on the ticket module (it depends on this one).
 */
public record RaisedTicket(long number, String subject, String status, String priority, String requesterName,
                           String teamName, String assigneeName, Instant createdAt, Instant updatedAt) {

    /** {@code ON_HOLD} → {@code On hold}. */
    public String statusLabel() {
        return label(status);
    }

    public String priorityLabel() {
        return label(priority);
    }

    private static String label(String name) {
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
