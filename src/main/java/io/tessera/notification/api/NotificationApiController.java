package io.tessera.notification.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.notification.Notification;
import io.tessera.notification.NotificationPage;
import io.tessera.notification.Notifications;
import io.tessera.shared.FieldProblem;

/**
 * {@code /api/v1/notifications}: the calling agent's own notifications, newest first with a cursor, and
 * marking them read. Another agent's notification id answers 404.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

    private static final int MAX_LIMIT = 100;

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    record TicketResponse(long number, String subject) {
    }

    record ActorResponse(String type, Long id, String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NotificationResponse(long id, String kind, TicketResponse ticket, ActorResponse actor, Long messageId,
                                String excerpt, Instant createdAt, Instant readAt, boolean read) {
        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.kind().key(), new TicketResponse(n.ticketNumber(), n.ticketSubject()),
                    new ActorResponse(n.actor().type().name().toLowerCase(java.util.Locale.ROOT), n.actor().id(), n.actorName()),
                    n.messageId(), n.excerpt(), n.createdAt(), n.readAt(), !n.unread());
        }
    }

    record ReadAllResponse(int marked) {
    }

    /** Every field always written: {@code next} is {@code null} on the last page, {@code readAt} while unread. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageResponse(List<NotificationResponse> items, String next, int unread) {
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String cursor,
                                             @RequestParam(defaultValue = "25") int limit,
                                             @AuthenticationPrincipal SignedInAgent me) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        NotificationPage page;
        try {
            page = notifications.page(me.id(), cursor, limit);
        } catch (Notifications.InvalidCursor e) {
            throw new InvalidParameter("cursor", e.getMessage());
        }
        return new PageResponse(page.items().stream().map(NotificationResponse::of).toList(), page.next(),
                notifications.unreadCount(me.id()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<NotificationResponse> read(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        if (!notifications.markRead(me.id(), id)) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such notification."))
                    .build();
        }
        return ResponseEntity.ok(NotificationResponse.of(notifications.find(me.id(), id).orElseThrow()));
    }

    @PostMapping("/read-all")
    ReadAllResponse readAll(@AuthenticationPrincipal SignedInAgent me) {
        return new ReadAllResponse(notifications.markAllRead(me.id()));
    }

    @ExceptionHandler
    ProblemDetail on(InvalidParameter e) {
        return FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid request", e.field, e.getMessage());
    }

    private static final class InvalidParameter extends RuntimeException {
        private final String field;

        InvalidParameter(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
