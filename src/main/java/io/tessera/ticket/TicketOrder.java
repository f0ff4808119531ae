package io.tessera.ticket;

/** A sort and its direction: the order of a ticket list. */
public record TicketOrder(TicketSort sort, boolean descending) {

    public static final TicketOrder LAST_UPDATED = new TicketOrder(TicketSort.UPDATED, true);

    public TicketOrder {
        if (sort == null) {
            throw new IllegalArgumentException("A ticket order needs a sort.");
        }
    }
}
