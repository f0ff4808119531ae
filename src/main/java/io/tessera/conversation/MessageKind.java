package io.tessera.conversation;

/** What a message is: from the customer, a public reply to them, or a note only agents ever see. */
public enum MessageKind {
    CUSTOMER_MESSAGE, PUBLIC_REPLY, INTERNAL_NOTE;

    public boolean internal() {
        return this == INTERNAL_NOTE;
    }
}
