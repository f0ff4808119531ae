package io.tessera.channel.mailbox;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No mailbox with that id (deleted meanwhile, or a typed URL): a 404 for the admin screens. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MailboxNotFound extends RuntimeException {

    public MailboxNotFound(long id) {
        super("No mailbox " + id);
    }
}
