package io.tessera.conversation.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.conversation.MergeResult;
import io.tessera.conversation.TicketMerging;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketManagement;

/**
 * {@code POST /api/v1/tickets/{number}/merge} with {@code {"sources": [12, 13], "note": "…"}} merges the
 * source tickets INTO ticket {number}. 200 with one result per source, in the order given: merged, or
 * refused with the reason (unknown or hidden, closed, already merged, itself). {@code note} absent: no
 * note; present (even empty): an internal note on the target names what was merged, then the text.
 */
@RestController
class TicketMergeApiController {

    private final TicketAccess access;
    private final TicketManagement tickets;
    private final TicketMerging merging;

    TicketMergeApiController(TicketAccess access, TicketManagement tickets, TicketMerging merging) {
        this.access = access;
        this.tickets = tickets;
        this.merging = merging;
    }

    record MergeRequest(List<Long> sources, String note) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SourceResult(long number, String outcome, String reason) {
    }

    record MergeResponse(long target, List<SourceResult> results) {
    }

    @PostMapping("/api/v1/tickets/{number}/merge")
    MergeResponse merge(@PathVariable long number, @RequestBody MergeRequest request,
                        @AuthenticationPrincipal SignedInAgent me) {
        Ticket target = access.visibleTicket(me.id(), number);
        if (request.sources() == null || request.sources().isEmpty() || request.sources().contains(null)) {
            throw new InvalidTicketChange("sources", "List the numbers of the tickets to merge into #" + number + ".");
        }
        if (request.sources().size() > 100) {
            throw new InvalidTicketChange("sources", "Merge at most 100 tickets at once.");
        }
        // Numbers to ids; a number with no ticket is refused here, the rest by the facade (which also hides
        // tickets the caller may not see behind the same "no ticket" answer).
        Map<Long, TicketId> ids = new LinkedHashMap<>();
        for (long source : request.sources()) {
            tickets.findByNumber(source).ifPresent(t -> ids.put(source, t.id()));
        }
        Map<TicketId, MergeResult> merged = new HashMap<>();
        if (!ids.isEmpty()) {
            merging.merge(List.copyOf(ids.values()), target.id(), Actor.agent(me.id()), request.note())
                    .forEach(r -> merged.put(r.source(), r));
        }
        List<SourceResult> results = new ArrayList<>();
        for (long source : request.sources().stream().distinct().toList()) {
            MergeResult result = ids.containsKey(source) ? merged.get(ids.get(source)) : null;
            results.add(result == null ? new SourceResult(source, "refused", "No ticket #" + source + ".")
                    : new SourceResult(source, result.outcome(), result.reason()));
        }
        return new MergeResponse(number, results);
    }
}
