package io.tessera.conversation.api;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.shared.AgentId;
import io.tessera.shared.Precondition;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.api.TicketResponse;
import io.tessera.ticket.api.TicketResponses;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/tickets} (create, idempotent with an {@code Idempotency-Key}), {@code GET} and
 * {@code PATCH /api/v1/tickets/{number}}. A ticket the caller may not see answers 404, like one that does
 * not exist. Changes go through {@link TicketManagement#update} as typed {@link TicketChange}s, exactly as
 * the ticket page's, so the rules and the event log are the same.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final Set<String> PATCH_FIELDS = union(TicketChanges.FIELDS, Set.of("version"));
    /** Attempts to settle a key a concurrent request holds: it commits or rolls back within one. */
    private static final int KEY_ATTEMPTS = 3;

    private final TicketCreation creation;
    private final IdempotencyKeys keys;
    private final TicketChanges changes;
    private final TicketManagement tickets;
    private final TicketAccess access;
    private final TicketQueries queries;
    private final TicketResponses responses;
    private final ObjectMapper json;

    TicketApiController(TicketCreation creation, IdempotencyKeys keys, TicketChanges changes, TicketManagement tickets,
                        TicketAccess access, TicketQueries queries, TicketResponses responses, ObjectMapper json) {
        this.creation = creation;
        this.keys = keys;
        this.changes = changes;
        this.tickets = tickets;
        this.access = access;
        this.queries = queries;
        this.responses = responses;
        this.json = json;
    }

    /**
     * Creates a ticket. With an {@code Idempotency-Key}, the same key and body again within 24 hours answer
     * the first attempt's ticket (201, header {@code Idempotent-Replayed: true}) instead of creating another;
     * the same key with a different body is refused (422).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketResponse> create(@RequestBody byte[] body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @AuthenticationPrincipal SignedInAgent me) {
        NewTicketRequest request = NewTicketRequest.read(object(body), changes);
        if (key == null) {
            return created(creation.create(me.id(), null, null, request), me.id(), false);
        }
        checkKey(key);
        String hash = IdempotencyKeys.hash(body);
        for (int attempt = 1; attempt <= KEY_ATTEMPTS; attempt++) {
            var recorded = keys.find(me.id(), key);
            if (recorded.isPresent()) {
                if (!recorded.get().requestHash().equals(hash)) {
                    throw new IdempotencyKeyReused();
                }
                if (recorded.get().ticket() == null) {
                    continue;
                }
                Ticket first = tickets.find(recorded.get().ticket()).orElseThrow(IdempotencyKeyBusy::new);
                return created(first, me.id(), true);
            }
            try {
                Ticket ticket = creation.create(me.id(), key, hash, request);
                keys.purgeExpired();
                return created(ticket, me.id(), false);
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // A concurrent request with this key won the unique index (or held it too long): look again.
            }
        }
        throw new IdempotencyKeyBusy();
    }

    /** The ticket with its version as a strong {@code ETag}, for a later {@code If-Match}. */
    @GetMapping("/{number}")
    ResponseEntity<TicketResponse> get(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        return queries.findByNumber(access.viewer(me.id()), number).map(responses::of).map(TicketApiController::tagged)
                .orElseThrow(() -> new TicketNotFound(number));
    }

    /**
     * Changes only the fields in the body. With {@code If-Match: "<version>"} (or {@code version} in the body)
     * nothing changes if the ticket moved on since: 412 (409 for {@code version}) with the current version.
     */
    @PatchMapping(path = "/{number}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<TicketResponse> update(@PathVariable long number, @RequestBody(required = false) Map<String, Object> body,
                                          @RequestHeader(name = Precondition.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal SignedInAgent me) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        RequestFields fields = RequestFields.of(body, PATCH_FIELDS);
        Precondition precondition = Precondition.of(ifMatch, fields.integer("version"));
        List<TicketChange> requested = changes.of(fields);
        Integer expected = precondition.expectedVersion("ticket", ticket.version());
        try {
            if (!requested.isEmpty()) {
                tickets.update(ticket.id(), expected, requested, me.actor());
            }
        } catch (InvalidTicketChange e) {
            throw TicketStateRefusal.classify(ticket, requested, e);
        } catch (ConcurrentTicketChange e) {
            throw precondition.failed("ticket", e.actualVersion());
        }
        return tagged(responses.of(queries.afterOwnChange(ticket.id())));
    }

    private static ResponseEntity<TicketResponse> tagged(TicketResponse ticket) {
        return ResponseEntity.ok().eTag(Precondition.etag(ticket.version())).body(ticket);
    }

    private ResponseEntity<TicketResponse> created(Ticket ticket, AgentId me, boolean replayed) {
        var response = ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.number()));
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(responses.of(queries.afterOwnChange(ticket.id())));
    }

    private Map<String, Object> object(byte[] body) {
        try {
            Map<String, Object> parsed = json.readValue(body, OBJECT);
            if (parsed == null) {
                throw InvalidRequest.unreadable("The body must be a JSON object.");
            }
            return parsed;
        } catch (JacksonException e) {
            throw InvalidRequest.unreadable("The body must be a JSON object: " + e.getOriginalMessage());
        }
    }

    private static void checkKey(String key) {
        if (key.isBlank() || key.length() > IdempotencyKeys.MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidRequest("Idempotency-Key", "An Idempotency-Key is 1 to " + IdempotencyKeys.MAX_LENGTH
                    + " printable ASCII characters, e.g. a UUID.");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
