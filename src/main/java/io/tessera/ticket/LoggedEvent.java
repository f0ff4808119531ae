package io.tessera.ticket;

import java.time.Instant;
import java.util.Map;

import io.tessera.shared.Actor;

/** One entry of a ticket's event log as read back: for the timeline and the change feed. */
public record LoggedEvent(long id, String type, Actor actor, Map<String, Object> payload, Instant occurredAt) {
}
