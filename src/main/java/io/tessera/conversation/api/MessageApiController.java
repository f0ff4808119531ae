package io.tessera.conversation.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.tessera.conversation.AgentMessage;
import io.tessera.conversation.Attachments;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageQueries;
import io.tessera.conversation.WrittenMessage;
import io.tessera.conversation.api.ApiJson.MessageResponse;
import io.tessera.conversation.api.ApiJson.PageResponse;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Precondition;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketChange;

/**
 * {@code /api/v1/tickets/{number}/messages}: the conversation a page at a time (oldest first), and an
 * agent's public reply or internal note — as JSON, or as {@code multipart/form-data} with files. Files are
 * stored before the message's transaction opens (a slow upload holds no database connection) and linked
 * to the message inside it.
 */
@RestController
@RequestMapping("/api/v1/tickets/{number}/messages")
class MessageApiController {

    private static final Set<String> FIELDS = union(TicketChanges.FIELDS, Set.of("kind", "body", "html", "version"));
    private static final String FILE_PART = "file";

    private final TicketAccess access;
    private final MessageQueries messages;
    private final Conversations conversations;
    private final Attachments attachments;
    private final TicketChanges changes;
    private final MessageJson json;

    MessageApiController(TicketAccess access, MessageQueries messages, Conversations conversations,
                         Attachments attachments, TicketChanges changes, MessageJson json) {
        this.access = access;
        this.messages = messages;
        this.conversations = conversations;
        this.attachments = attachments;
        this.changes = changes;
        this.json = json;
    }

    @GetMapping
    PageResponse<MessageResponse> list(@PathVariable long number, @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "25") int limit,
                                       @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        int size = Cursors.limit(limit);
        Cursors.MessageCursor after = Cursors.message(cursor);
        List<Message> rows = messages.page(ticket.id(), after == null ? null : after.createdAt(),
                after == null ? 0 : after.id(), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Message last = rows.get(size - 1);
            next = Cursors.message(last.createdAt(), last.id());
        }
        return new PageResponse<>(json.of(rows), next);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageResponse> post(@PathVariable long number, @RequestBody(required = false) Map<String, Object> body,
                                         @RequestHeader(name = Precondition.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal SignedInAgent me) {
        return write(number, body, List.of(), ifMatch, me);
    }

    /** The same fields as text parts (tags as words: {@code "billing vip"}), and any number of {@code file} parts. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MessageResponse> postMultipart(@PathVariable long number, MultipartHttpServletRequest request,
                                                  @RequestHeader(name = Precondition.IF_MATCH, required = false) String ifMatch,
                                                  @AuthenticationPrincipal SignedInAgent me) {
        Map<String, Object> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 1) {
                throw new InvalidRequest(name, "Send " + name + " once.");
            }
            fields.put(name, values[0]);
        });
        for (String part : request.getMultiFileMap().keySet()) {
            if (!FILE_PART.equals(part)) {
                throw new InvalidRequest(part, "Files go in parts named " + FILE_PART + ", not " + part + ".");
            }
        }
        List<MultipartFile> files = request.getFiles(FILE_PART).stream().filter(f -> !f.isEmpty()).toList();
        return write(number, fields, files, ifMatch, me);
    }

    private ResponseEntity<MessageResponse> write(long number, Map<String, Object> body, List<MultipartFile> files,
                                                  String ifMatch, SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        RequestFields fields = RequestFields.of(body, FIELDS);
        List<InvalidRequest.FieldError> errors = new ArrayList<>();
        NewTicketRequest.Message message = NewTicketRequest.message(fields, errors);
        String kind = fields.text("kind") == null ? "public" : fields.text("kind").strip();
        if (!kind.equals("public") && !kind.equals("internal")) {
            errors.add(new InvalidRequest.FieldError("kind", "kind is public (a reply to the requester) or internal (a note)."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        Precondition precondition = Precondition.of(ifMatch, fields.integer("version"));
        List<TicketChange> requested = changes.of(fields);
        Integer expected = precondition.expectedVersion("ticket", ticket.version());
        // Checked before any file is stored, so a refused request leaves nothing on disk.
        List<Long> stored = store(ticket, files);
        WrittenMessage written;
        try {
            written = conversations.agentWrote(ticket.id(), expected, me.actor(),
                    new AgentMessage(message.text(), message.format(), kind.equals("internal"), requested, stored));
        } catch (InvalidTicketChange e) {
            throw TicketStateRefusal.classify(ticket, requested, e);
        } catch (ConcurrentTicketChange e) {
            throw precondition.failed("ticket", e.actualVersion());
        }
        Message saved = messages.find(ticket.id(), written.messageId()).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(json.of(List.of(saved)).get(0));
    }

    private List<Long> store(Ticket ticket, List<MultipartFile> files) {
        List<Long> ids = new ArrayList<>();
        for (MultipartFile file : files) {
            try (InputStream content = file.getInputStream()) {
                ids.add(attachments.store(ticket.id(), null, file.getOriginalFilename(), file.getContentType(), content).id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
