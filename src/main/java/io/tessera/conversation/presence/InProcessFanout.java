package io.tessera.conversation.presence;

import org.springframework.stereotype.Component;

/** One node: every update is for this node's open pages. */
@Component
class InProcessFanout implements LiveFanout {

    private final PresenceHub hub;

    InProcessFanout(PresenceHub hub) {
        this.hub = hub;
    }

    @Override
    public void publish(LiveUpdate update) {
        hub.deliver(update);
    }
}
