package io.tessera.notification;

import java.util.List;

/** Newest first; {@code next} is the cursor of the following page, {@code null} on the last. */
public record NotificationPage(List<Notification> items, String next) {
}
