package io.tessera.notification.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.SignedInAgent;
import io.tessera.notification.Notification;
import io.tessera.notification.NotificationPreferences;
import io.tessera.notification.Notifications;

/**
 * {@code /notifications}: the signed-in agent's notifications, newest first, 25 a page. Opening one marks
 * it read and goes to its ticket; "Mark all read" clears the bell; the agent chooses whether they come by
 * email too.
 */
@Controller
class NotificationPageController {

    private static final int PAGE = 25;

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationPageController(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(required = false) String before, @AuthenticationPrincipal SignedInAgent me, Model model) {
        try {
            model.addAttribute("page", notifications.page(me.id(), before, PAGE));
            model.addAttribute("byEmail", preferences.byEmail(me.id()));
        } catch (Notifications.InvalidCursor e) {
            return "redirect:/notifications";
        }
        return "notification/notifications";
    }

    /** The bell again, for the layout's periodic refresh. */
    @GetMapping("/notifications/bell")
    String bell() {
        return "notification/bell :: bell";
    }

    /**
     * Opens a notification: marks it read and goes to the ticket (the message, when there is one). A POST,
     * because it changes something; a GET of the same address (a bookmark, a copied link) only leads there.
     */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        Notification notification = mine(id, me);
        notifications.markRead(me.id(), id);
        return target(notification);
    }

    @GetMapping("/notifications/{id}")
    String follow(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        return target(mine(id, me));
    }

    private Notification mine(long id, SignedInAgent me) {
        return notifications.find(me.id(), id)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private static String target(Notification notification) {
        return "redirect:/tickets/" + notification.ticketNumber()
                + (notification.messageId() == null ? "" : "#message-" + notification.messageId());
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        if (!notifications.markRead(me.id(), id)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        return "redirect:/notifications";
    }

    /** Whether notifications also come by email (the channel module mails them). */
    @PostMapping("/notifications/preferences")
    String preferences(@RequestParam(defaultValue = "false") boolean byEmail, @AuthenticationPrincipal SignedInAgent me,
                       RedirectAttributes redirect) {
        preferences.setByEmail(me.id(), byEmail);
        redirect.addFlashAttribute("flash", byEmail ? "Notifications come by email too." : "Notifications no longer come by email.");
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(me.id());
        redirect.addFlashAttribute("flash", marked == 1 ? "1 notification marked read." : marked + " notifications marked read.");
        return "redirect:/notifications";
    }
}
