package io.tessera.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.channel.MailProperties;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.InboundMail;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.InboundMails;
import io.tessera.channel.intake.MailIntake;
import io.tessera.channel.intake.ProcessedMail;
import io.tessera.channel.intake.StoredMail;
import io.tessera.channel.settings.SupportAddresses;
import io.tessera.shared.FieldProblem;

/**
 * The MTA pipe and the stored mail, for admins and their integrations (docs/email.md):
 * <ul>
 *   <li>{@code POST /api/v1/mail/raw} — the raw RFC 5322 message as the body (e.g. Postfix piping with
 *       curl); stored first, then processed; answers 201 with the ticket, 200 for a message stored
 *       before, 202 when it is stored but failed to process (it waits for an admin, nothing is lost);</li>
 *   <li>{@code GET /api/v1/mail/inbound?status=FAILED} — stored messages, newest first;</li>
 *   <li>{@code GET /api/v1/mail/inbound/{id}/raw} — one message exactly as received;</li>
 *   <li>{@code POST /api/v1/mail/inbound/{id}/reprocess} — try a failed or ignored message again.</li>
 * </ul>
 */
@RestController
class MailApiController {

    private static final java.util.Set<String> STATUSES = java.util.Set.of("RECEIVED", "PROCESSED", "IGNORED", "FAILED");

    private final MailIntake intake;
    private final InboundMailProcessor processor;
    private final InboundMails mails;
    private final SupportAddresses addresses;
    private final MailProperties settings;

    MailApiController(MailIntake intake, InboundMailProcessor processor, InboundMails mails, SupportAddresses addresses,
                      MailProperties settings) {
        this.settings = settings;
        this.intake = intake;
        this.processor = processor;
        this.mails = mails;
        this.addresses = addresses;
    }

    @PostMapping(path = "/api/v1/mail/raw", consumes = MediaType.ALL_VALUE)
    ResponseEntity<Object> raw(jakarta.servlet.http.HttpServletRequest request,
                               @RequestParam(name = "recipient", required = false) String recipient) throws java.io.IOException {
        // Read up to the receiver limit and no further: one request must not be able to fill the memory.
        long limit = settings.receiverLimit().toBytes();
        if (request.getContentLengthLong() > limit) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Message too large", "body",
                    "A message may be at most " + settings.receiverLimit().toMegabytes() + " MB (TESSERA_MAIL_RECEIVER_LIMIT).");
        }
        byte[] raw = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (raw.length > limit) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Message too large", "body",
                    "A message may be at most " + settings.receiverLimit().toMegabytes() + " MB (TESSERA_MAIL_RECEIVER_LIMIT).");
        }
        if (raw.length == 0) {
            return problem(HttpStatus.BAD_REQUEST, "Empty message", "body",
                    "Send the raw RFC 5322 message as the request body.");
        }
        if (recipient != null && !recipient.isBlank() && !addresses.accepts(recipient)) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Not a support address", "recipient",
                    recipient + " is not one of this help desk's support addresses.");
        }
        String to = recipient == null || recipient.isBlank() ? null : recipient.strip();
        StoredMail stored = intake.store(Arrival.pipe(to, to == null ? null : addresses.teamFor(to).orElse(null)), raw);
        if (stored.duplicate()) {
            return ResponseEntity.ok(json(mails.find(stored.id()).orElseThrow(), true));
        }
        ProcessedMail processed = processor.process(stored.id()).orElse(null);
        InboundMail mail = mails.find(stored.id()).orElseThrow();
        HttpStatus status = processed != null && "FAILED".equals(processed.status()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(json(mail, false));
    }

    @GetMapping("/api/v1/mail/inbound")
    ResponseEntity<Object> list(@RequestParam(name = "status", required = false) String status,
                                @RequestParam(name = "cursor", required = false) String cursor,
                                @RequestParam(name = "limit", defaultValue = "50") int limit) {
        Long before;
        try {
            before = IdCursor.parse(cursor);
        } catch (NumberFormatException forged) {
            return OutboxApiController.invalidCursor();
        }
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown status", "status",
                    "status is one of received, processed, ignored, failed.");
        }
        int size = Math.max(1, Math.min(limit, 200));
        List<InboundMail> page = mails.page(wanted, before, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.stream().map(mail -> json(mail, false)).toList());
        body.put("next", IdCursor.next(page, size, InboundMail::id));
        return ResponseEntity.ok(body);
    }

    @GetMapping(path = "/api/v1/mail/inbound/{id}/raw", produces = "message/rfc822")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return mails.raw(id).map(raw -> ResponseEntity.ok()
                        .header("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(raw))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/api/v1/mail/inbound/{id}/reprocess")
    ResponseEntity<Object> reprocess(@PathVariable long id) {
        if (mails.find(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (processor.reprocess(id).isEmpty()) {
            return problem(HttpStatus.CONFLICT, "Not reprocessable", "id",
                    "Only failed or ignored mail can be processed again; this one is processed or being processed.");
        }
        return ResponseEntity.ok(json(mails.find(id).orElseThrow(), false));
    }

    static Map<String, Object> json(InboundMail mail, boolean duplicate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", mail.id());
        json.put("source", mail.source().name().toLowerCase());
        json.put("status", mail.status().toLowerCase());
        json.put("duplicate", duplicate);
        json.put("messageId", mail.messageId());
        json.put("from", mail.from());
        json.put("subject", mail.subject());
        json.put("recipient", mail.recipient());
        json.put("sizeBytes", mail.sizeBytes());
        json.put("oversized", mail.oversized());
        json.put("classification", mail.classification());
        json.put("note", mail.error());
        json.put("ticketNumber", mail.ticketNumber());
        json.put("receivedAt", mail.receivedAt());
        json.put("processedAt", mail.processedAt());
        json.put("duplicates", mail.duplicates());
        json.put("lastDuplicateAt", mail.lastDuplicateAt());
        json.put("reusesMessageIdOf", mail.reusesMessageIdOf());
        return json;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, String field, String message) {
        ProblemDetail problem = FieldProblem.of(status, title, field, message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
