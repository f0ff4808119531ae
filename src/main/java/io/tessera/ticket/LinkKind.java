package io.tessera.ticket;

/**
 * How a link is stored, from one ticket to another: {@code RELATED} (symmetric, stored once),
 * {@code PARENT_OF} (from the parent to a child), {@code FOLLOW_UP_OF} (from the new ticket to the closed
 * one a customer wrote to). People see a link from either end as a {@link LinkType}.
 */
public enum LinkKind {
    RELATED, PARENT_OF, FOLLOW_UP_OF
}
