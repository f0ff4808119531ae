package io.tessera.ticket;

/** No such ticket — or one the viewer may not see, which must look exactly the same. */
public class TicketNotFound extends RuntimeException {

    public TicketNotFound(long number) {
        super("No ticket #" + number);
    }
}
