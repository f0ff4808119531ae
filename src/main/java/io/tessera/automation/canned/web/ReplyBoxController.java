package io.tessera.automation.canned.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.tessera.automation.canned.CannedResponseForbidden;
import io.tessera.automation.canned.CannedResponseNotFound;
import io.tessera.automation.canned.CannedResponses;
import io.tessera.automation.canned.InvalidCannedResponse;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.TicketNotFound;

/**
 * What the ticket page's reply box asks for (templates/automation/canned-picker.html, js/canned-responses.js):
 * the picker's items (an htmx fragment) and a response rendered for the ticket as {@code {"body":"…"}}, by
 * shortcode or id. These use the page's session; the {@code /api/v1} endpoints are for tokens and Basic.
 */
@Controller
class ReplyBoxController {

    private final CannedResponses responses;
    private final AgentManagement agents;

    ReplyBoxController(CannedResponses responses, AgentManagement agents) {
        this.responses = responses;
        this.agents = agents;
    }

    @GetMapping("/canned-responses/picker")
    String picker(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("responses", responses.visibleTo(agents.get(me.id())));
        return "automation/canned-picker :: items";
    }

    @GetMapping("/canned-responses/expand")
    @ResponseBody
    ResponseEntity<Map<String, Object>> expand(@RequestParam String shortcode, @RequestParam long ticket,
                                               @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return answer(() -> responses.expand(shortcode, ticket, agent));
    }

    @GetMapping("/canned-responses/{id}/render")
    @ResponseBody
    ResponseEntity<Map<String, Object>> render(@PathVariable long id, @RequestParam long ticket,
                                               @AuthenticationPrincipal SignedInAgent me) {
        Agent agent = agents.get(me.id());
        return answer(() -> responses.render(id, ticket, agent));
    }

    private static ResponseEntity<Map<String, Object>> answer(java.util.function.Supplier<CannedResponses.Rendered> render) {
        try {
            CannedResponses.Rendered rendered = render.get();
            return ResponseEntity.ok(Map.of("body", rendered.body(), "unknown", rendered.unknown()));
        } catch (CannedResponseNotFound | TicketNotFound e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("detail", e.getMessage()));
        } catch (CannedResponseForbidden e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("detail", e.getMessage()));
        } catch (InvalidCannedResponse e) {
            return ResponseEntity.badRequest().body(Map.of("detail", e.getMessage()));
        }
    }
}
