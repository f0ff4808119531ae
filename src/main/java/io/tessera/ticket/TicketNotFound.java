package io.tessera.ticket;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such ticket — or one the viewer may not see, which must look exactly the same. Any page or fragment
 * of any module that lets it escape answers the ordinary 404 (modules' advice may still say more, as the
 * API's problems do), never a 500.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TicketNotFound extends RuntimeException {

    public TicketNotFound(long number) {
        super("No ticket #" + number);
    }
}
