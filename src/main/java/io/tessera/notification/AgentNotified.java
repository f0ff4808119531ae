package io.tessera.notification;

import io.tessera.shared.AgentId;

/**
 * A notification was recorded for an agent (once: a retried listener that finds it already recorded does not
 * publish again). Published inside the transaction that recorded it, so listeners elsewhere (the email channel
 * mails it) get it after commit through the event publication registry.
 *
 * @param notificationId the notification, readable with {@link Notifications#find}
 */
public record AgentNotified(long notificationId, AgentId agent, NotificationKind kind) {
}
