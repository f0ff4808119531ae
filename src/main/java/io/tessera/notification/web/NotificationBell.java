package io.tessera.notification.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.tessera.identity.SignedInAgent;
import io.tessera.notification.Notifications;

/**
 * The bell's number, read by the layout's bell fragment as {@code @notificationBell.label()}: so every page
 * shows it without each controller adding it to its model. One bounded, indexed count per page view.
 */
@Component("notificationBell")
public class NotificationBell {

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
    }

    /** "" when nothing is unread, else the count, or "99+". */
    public String label() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAgent agent)) {
            return "";
        }
        int unread = notifications.unreadCount(agent.id());
        if (unread == 0) {
            return "";
        }
        return unread > Notifications.UNREAD_BOUND ? Notifications.UNREAD_BOUND + "+" : String.valueOf(unread);
    }
}
