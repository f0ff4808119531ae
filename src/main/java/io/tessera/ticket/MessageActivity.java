package io.tessera.ticket;

/**
 * What kind of message was just added to a ticket, as far as the ticket's own rules care: the first
 * public reply is the first response; a customer's message reopens a ticket waiting on them.
 */
public enum MessageActivity {
    CUSTOMER_MESSAGE, PUBLIC_REPLY, INTERNAL_NOTE
}
