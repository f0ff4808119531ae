package io.tessera.conversation.web;

import io.tessera.ticket.InvalidTicketChange;

/** A ticket number as people type it: {@code 1042} or {@code #1042}, spaces allowed around it. */
final class TicketNumbers {

    private TicketNumbers() {
    }

    static long parse(String typed) {
        String digits = typed == null ? "" : typed.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1).strip();
        }
        if (digits.isEmpty()) {
            throw new InvalidTicketChange("number", "Enter a ticket number.");
        }
        if (!digits.matches("\\d{1,18}")) {
            throw new InvalidTicketChange("number", "“" + typed.strip() + "” is not a ticket number.");
        }
        return Long.parseLong(digits);
    }
}
