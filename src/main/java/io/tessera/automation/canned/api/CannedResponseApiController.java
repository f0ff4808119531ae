package io.tessera.automation.canned.api;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.automation.canned.CannedResponse;
import io.tessera.automation.canned.CannedResponseDraft;
import io.tessera.automation.canned.CannedResponses;
import io.tessera.automation.canned.InvalidCannedResponse;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;

/**
 * {@code /api/v1/canned-responses}: the caller's canned responses (shared and their own), create, read,
 * replace, delete, and render one for a ticket, by id or by shortcode (docs/canned-responses.md).
 */
@RestController
@RequestMapping("/api/v1/canned-responses")
class CannedResponseApiController {

    /** {@code shared} absent means personal. */
    record CannedResponseRequest(String title, String shortcode, String body, Boolean shared) {

        CannedResponseDraft draft() {
            return new CannedResponseDraft(title, shortcode, body, Boolean.TRUE.equals(shared));
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CannedResponseResponse(long id, String title, String shortcode, String body, boolean shared, Long ownerId,
                                  boolean editable, Instant createdAt, Instant updatedAt) {

        static CannedResponseResponse of(CannedResponse r, boolean editable) {
            return new CannedResponseResponse(r.id(), r.title(), r.shortcode(), r.body(), r.isShared(),
                    r.owner() == null ? null : r.owner().value(), editable, r.createdAt(), r.updatedAt());
        }
    }

    record ItemsResponse(List<CannedResponseResponse> items) {
    }

    /** {@code unknown} lists placeholders left as typed (none for a response saved through Tessera). */
    record RenderResponse(String body, List<String> unknown) {
    }

    private final CannedResponses responses;
    private final AgentManagement agents;

    CannedResponseApiController(CannedResponses responses, AgentManagement agents) {
        this.responses = responses;
        this.agents = agents;
    }

    @GetMapping
    ItemsResponse list(@AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return new ItemsResponse(responses.visibleTo(agent).stream().map(r -> of(r, agent)).toList());
    }

    @PostMapping
    ResponseEntity<CannedResponseResponse> create(@RequestBody(required = false) CannedResponseRequest request,
                                                  @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        CannedResponse created = responses.create(required(request).draft(), agent);
        return ResponseEntity.created(URI.create("/api/v1/canned-responses/" + created.id())).body(of(created, agent));
    }

    @GetMapping("/{id}")
    CannedResponseResponse get(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return of(responses.get(id, agent), agent);
    }

    /** Replaces title, shortcode, body and sharing; a field left out is cleared or refused like on create. */
    @PutMapping("/{id}")
    CannedResponseResponse update(@PathVariable long id, @RequestBody(required = false) CannedResponseRequest request,
                                  @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return of(responses.update(id, required(request).draft(), agent), agent);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        responses.delete(id, agents.get(me.id()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/render")
    RenderResponse render(@PathVariable long id, @RequestParam long ticket, @AuthenticationPrincipal SignedInAgent me) {
        var rendered = responses.render(id, ticket, agents.get(me.id()));
        return new RenderResponse(rendered.body(), rendered.unknown());
    }

    @GetMapping("/expand")
    RenderResponse expand(@RequestParam String shortcode, @RequestParam long ticket,
                          @AuthenticationPrincipal SignedInAgent me) {
        var rendered = responses.expand(shortcode, ticket, agents.get(me.id()));
        return new RenderResponse(rendered.body(), rendered.unknown());
    }

    private CannedResponseResponse of(CannedResponse response, Agent agent) {
        return CannedResponseResponse.of(response, responses.mayEdit(response, agent));
    }

    private static CannedResponseRequest required(CannedResponseRequest request) {
        if (request == null) {
            throw new InvalidCannedResponse("title", "Send the canned response as JSON: title, shortcode, body, shared.");
        }
        return request;
    }
}
