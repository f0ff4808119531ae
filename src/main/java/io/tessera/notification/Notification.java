package io.tessera.notification;

import java.time.Instant;

import io.tessera.shared.Actor;

/** One notification as its agent sees it, with the ticket's number and subject and who caused it. */
public record Notification(long id, NotificationKind kind, long ticketNumber, String ticketSubject, Actor actor,
                           String actorName, Long messageId, String excerpt, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    /** "Grace Hopper mentioned you" / "Grace Hopper assigned you" / "Escalate breaches notified you". */
    public String headline() {
        return actorName + switch (kind) {
            case MENTIONED -> " mentioned you";
            case ASSIGNED -> " assigned you";
            case RULE -> " notified you";
        };
    }
}
