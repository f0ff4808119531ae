package io.tessera.automation.macro.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.automation.ActionRow;
import io.tessera.automation.macro.InvalidMacro;
import io.tessera.automation.macro.Macro;
import io.tessera.automation.macro.MacroDraft;
import io.tessera.automation.macro.MacroOutcome;
import io.tessera.automation.macro.MacroPreview;
import io.tessera.automation.macro.Macros;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Precondition;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.api.TicketResponse;
import io.tessera.ticket.api.TicketResponses;

/**
 * {@code /api/v1/macros}: the caller's macros (shared and their own), create, read, replace, delete,
 * preview one on a ticket, and apply it to one ticket or to many (docs/macros.md). Applying answers with
 * the ticket in the ticket API's JSON; applying to many answers with each ticket's outcome, 200 whenever
 * the request itself is valid.
 */
@RestController
@RequestMapping("/api/v1/macros")
class MacroApiController {

    /** {@code shared} absent means personal; {@code position} absent keeps the place (a new macro goes last). */
    record MacroRequest(String name, String description, Boolean shared, Integer position, List<ActionRow> actions) {

        MacroDraft draft() {
            return new MacroDraft(name, description, Boolean.TRUE.equals(shared), actions, position);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MacroResponse(long id, String name, String description, boolean shared, Long ownerId, boolean editable,
                         int position, List<ActionRow> actions, Instant createdAt, Instant updatedAt) {

        static MacroResponse of(Macro m, boolean editable) {
            return new MacroResponse(m.id(), m.name(), m.description(), m.isShared(),
                    m.owner() == null ? null : m.owner().value(), editable, m.position(), m.rows(), m.createdAt(),
                    m.updatedAt());
        }
    }

    record ItemsResponse(List<MacroResponse> items) {
    }

    /** {@code version}: apply only if the ticket is still at it; {@code tickets}: apply to each of these. */
    record ApplyRequest(Integer version, List<Long> tickets) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OutcomeResponse(long number, String outcome, String reason) {

        static OutcomeResponse of(MacroOutcome o) {
            return new OutcomeResponse(o.ticketNumber(), o.applied() ? "applied" : "refused", o.reason());
        }
    }

    record BulkResponse(long applied, long refused, List<OutcomeResponse> results) {
    }

    private final Macros macros;
    private final AgentManagement agents;
    private final TicketAccess access;
    private final TicketQueries queries;
    private final TicketResponses ticketJson;

    MacroApiController(Macros macros, AgentManagement agents, TicketAccess access, TicketQueries queries,
                       TicketResponses ticketJson) {
        this.macros = macros;
        this.agents = agents;
        this.access = access;
        this.queries = queries;
        this.ticketJson = ticketJson;
    }

    @GetMapping
    ItemsResponse list(@AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return new ItemsResponse(macros.visibleTo(agent).stream().map(m -> of(m, agent)).toList());
    }

    @PostMapping
    ResponseEntity<MacroResponse> create(@RequestBody(required = false) MacroRequest request,
                                         @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        Macro created = macros.create(required(request).draft(), agent);
        return ResponseEntity.created(URI.create("/api/v1/macros/" + created.id())).body(of(created, agent));
    }

    @GetMapping("/{id}")
    MacroResponse get(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return of(macros.get(id, agent), agent);
    }

    /** Replaces name, description, sharing and actions; a field left out is cleared or refused like on create. */
    @PutMapping("/{id}")
    MacroResponse update(@PathVariable long id, @RequestBody(required = false) MacroRequest request,
                         @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return of(macros.update(id, required(request).draft(), agent), agent);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        macros.delete(id, agents.get(me.id()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/preview")
    MacroPreview preview(@PathVariable long id, @RequestParam long ticket, @AuthenticationPrincipal SignedInAgent me) {
        return macros.preview(id, ticket, agents.get(me.id()));
    }

    /** {@code ?ticket=N} (optionally with {@code {"version":n}}) applies to one ticket; {@code {"tickets":[…]}} to many. */
    @PostMapping("/{id}/apply")
    ResponseEntity<?> apply(@PathVariable long id, @RequestParam(required = false) Long ticket,
                            @RequestBody(required = false) ApplyRequest request,
                            @RequestHeader(name = Precondition.IF_MATCH, required = false) String ifMatch,
                            @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        List<Long> many = request == null ? null : request.tickets();
        if (ticket != null) {
            if (many != null) {
                throw new InvalidMacro("tickets", "Apply to ?ticket= or to a list of tickets, not both.");
            }
            Precondition precondition = Precondition.of(ifMatch, request == null ? null : request.version());
            Integer expected = !precondition.present() ? null
                    : precondition.expectedVersion("ticket", access.visibleTicket(agent.id(), ticket).version());
            try {
                Ticket applied = macros.apply(id, ticket, agent, expected);
                return ResponseEntity.ok(ticketJson(applied, agent));
            } catch (ConcurrentTicketChange e) {
                throw precondition.failed("ticket", e.actualVersion());
            }
        }
        if (many == null) {
            throw new InvalidMacro("tickets", "Say which tickets: ?ticket=1042, or {\"tickets\":[1042,1043]}.");
        }
        if (request.version() != null || ifMatch != null) {
            String field = ifMatch != null ? Precondition.IF_MATCH : Precondition.VERSION;
            throw new InvalidMacro(field, "A " + field + " goes with one ticket (?ticket=); a list of tickets takes none.");
        }
        List<MacroOutcome> outcomes = macros.applyToMany(id, many, agent);
        long applied = outcomes.stream().filter(MacroOutcome::applied).count();
        return ResponseEntity.ok(new BulkResponse(applied, outcomes.size() - applied,
                outcomes.stream().map(OutcomeResponse::of).toList()));
    }

    private TicketResponse ticketJson(Ticket ticket, Agent agent) {
        return ticketJson.of(queries.findByNumber(access.viewer(agent.id()), ticket.number()).orElseThrow());
    }

    private MacroResponse of(Macro macro, Agent agent) {
        return MacroResponse.of(macro, macros.mayEdit(macro, agent));
    }

    private static MacroRequest required(MacroRequest request) {
        if (request == null) {
            throw new InvalidMacro("name", "Send the macro as JSON: name, description, shared, actions.");
        }
        return request;
    }
}
