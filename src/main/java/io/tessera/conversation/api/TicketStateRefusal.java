package io.tessera.conversation.api;

import java.util.List;

import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketStatus;

/**
 * A well-formed change the ticket's state refuses — a status it cannot move to from where it is, solving
 * while a "required to solve" field is empty, or any change to a closed ticket: 422, naming the field, as opposed to a malformed value (400).
 */
class TicketStateRefusal extends RuntimeException {

    private final String field;

    private TicketStateRefusal(InvalidTicketChange cause) {
        super(cause.getMessage(), cause);
        this.field = cause.field();
    }

    String field() {
        return field;
    }

    /** The refusal as the API reports it: 422 when it is about the ticket's state, the refusal itself (400) otherwise. */
    static RuntimeException classify(Ticket before, List<TicketChange> changes, InvalidTicketChange refusal) {
        if (before.status() == TicketStatus.CLOSED) {
            return new TicketStateRefusal(refusal);
        }
        boolean unreachable = changes.stream()
                .filter(TicketChange.SetStatus.class::isInstance)
                .map(c -> ((TicketChange.SetStatus) c).status())
                .anyMatch(target -> !before.status().canMoveTo(target));
        if ("status".equals(refusal.field()) && unreachable) {
            return new TicketStateRefusal(refusal);
        }
        boolean solving = changes.stream().filter(TicketChange.SetStatus.class::isInstance)
                .anyMatch(c -> ((TicketChange.SetStatus) c).status() == TicketStatus.SOLVED);
        if (solving && refusal.field() != null && refusal.field().startsWith("customFields.")
                && refusal.getMessage().contains("required to solve")) {
            // Well-formed, but the ticket cannot be solved until the field is filled in.
            return new TicketStateRefusal(refusal);
        }
        return refusal;
    }
}
