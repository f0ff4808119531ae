package io.tessera.conversation.presence;

/**
 * Carries "ticket changed" updates to the pages of a ticket on every node. The single-node
 * {@link InProcessFanout} hands them straight to this node's {@link PresenceHub}; a cluster would publish
 * them with PostgreSQL {@code NOTIFY} and deliver what it hears with {@code LISTEN} (docs/adr/0007).
 */
public interface LiveFanout {

    void publish(LiveUpdate update);
}
