package io.tessera.conversation.web;

import io.tessera.shared.ControlCharacters;
import io.tessera.ticket.InvalidTicketChange;

/**
 * The forms' text checked as the API checks it ({@link ControlCharacters}): a refusal is a form error on
 * the field, and the form is shown again with what was typed.
 */
final class TypedText {

    private TypedText() {
    }

    /** A one-line field: a subject, a name. */
    static void line(String field, String value) {
        refuse(field, ControlCharacters.inLine(field, value));
    }

    /** A field with lines: a message. */
    static void text(String field, String value) {
        refuse(field, ControlCharacters.inText(field, value));
    }

    private static void refuse(String field, String refusal) {
        if (refusal != null) {
            throw new InvalidTicketChange(field, refusal);
        }
    }
}
