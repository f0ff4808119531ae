package io.tessera.shared;

import java.net.ConnectException;

/**
 * A connection Tessera would not make: the address is internal and not allowed ({@link HostPolicy}). Its
 * message is what the outbox row, the mailbox's status or the webhook delivery shows, e.g.
 * {@code refused: 169.254.169.254 is a link-local address; allow it with TESSERA_ALLOW_PRIVATE_HOSTS}.
 * A {@link ConnectException}, so mail and HTTP code report it as the failed connection it is.
 */
public class RefusedHost extends ConnectException {

    public RefusedHost(String reason) {
        super("refused: " + reason);
    }
}
