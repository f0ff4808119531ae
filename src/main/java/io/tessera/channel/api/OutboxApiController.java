package io.tessera.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.OutboundStatus;
import io.tessera.channel.outbox.Outbox;
import io.tessera.shared.FieldProblem;

/**
 * {@code GET /api/v1/outbox} (admins): every mail Tessera sent or will send, newest first, with the
 * fields the email issue names ({@code to, cc, subject, messageId, inReplyTo, references, text, status,
 * ticketNumber}); filters {@code status} and {@code ticket} (number), cursor {@code cursor} (the {@code next} of the previous page).
 */
@RestController
class OutboxApiController {

    private final Outbox outbox;
    private final io.tessera.ticket.TicketManagement tickets;

    OutboxApiController(Outbox outbox, io.tessera.ticket.TicketManagement tickets) {
        this.outbox = outbox;
        this.tickets = tickets;
    }

    @GetMapping("/api/v1/outbox")
    ResponseEntity<Object> list(@RequestParam(name = "status", required = false) String status,
                                @RequestParam(name = "ticket", required = false) Long ticketNumber,
                                @RequestParam(name = "cursor", required = false) String cursor,
                                @RequestParam(name = "limit", defaultValue = "50") int limit) {
        OutboundStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OutboundStatus.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException unknown) {
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(FieldProblem.of(HttpStatus.BAD_REQUEST, "Unknown status", "status",
                                "status is one of queued, sending, sent, retrying, failed, suppressed."));
            }
        }
        Long before;
        try {
            before = IdCursor.parse(cursor);
        } catch (NumberFormatException forged) {
            return invalidCursor();
        }
        Long ticketId = null;
        if (ticketNumber != null) {
            var ticket = tickets.findByNumber(ticketNumber);
            if (ticket.isEmpty()) {
                Map<String, Object> none = new LinkedHashMap<>();
                none.put("items", List.of());
                none.put("next", null);
                return ResponseEntity.ok(none);
            }
            ticketId = ticket.get().id().value();
        }
        int size = Math.max(1, Math.min(limit, 200));
        List<OutboundMail> page = outbox.page(wanted, ticketId, before, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(OutboxApiController::json).toList());
        body.put("next", IdCursor.next(page, size, OutboundMail::id));
        return ResponseEntity.ok(body);
    }

    static ResponseEntity<Object> invalidCursor() {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(FieldProblem.of(HttpStatus.BAD_REQUEST, "Invalid cursor", "cursor",
                        "Pass back the next value of the previous page unchanged."));
    }

    @GetMapping("/api/v1/outbox/{id}")
    ResponseEntity<Object> one(@PathVariable long id) {
        return outbox.find(id).<ResponseEntity<Object>>map(mail -> ResponseEntity.ok(json(mail)))
                .orElse(ResponseEntity.notFound().build());
    }

    static Map<String, Object> json(OutboundMail mail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", mail.id());
        json.put("kind", mail.kind().name().toLowerCase());
        json.put("status", mail.status().name().toLowerCase());
        json.put("ticketNumber", mail.ticketNumber());
        json.put("from", mail.from());
        json.put("to", mail.to());
        json.put("cc", mail.cc());
        json.put("subject", mail.subject());
        json.put("messageId", mail.messageId());
        json.put("inReplyTo", mail.inReplyTo());
        json.put("references", mail.references());
        json.put("text", mail.text());
        json.put("html", mail.html());
        json.put("automatic", mail.automatic());
        json.put("attempts", mail.attempts());
        json.put("lastError", mail.lastError());
        json.put("createdAt", mail.createdAt());
        json.put("sentAt", mail.sentAt());
        return json;
    }
}
