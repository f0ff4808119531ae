package io.tessera.view.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.Tags;
import io.tessera.view.BulkActions;
import io.tessera.view.BulkChanges;
import io.tessera.view.BulkResult;
import io.tessera.view.InvalidView;

/** Applies the bulk-action bar's changes to the ticked tickets and returns to the same page of the view. */
@Controller
class BulkController {

    private final BulkActions bulk;
    private final AgentManagement agents;

    BulkController(BulkActions bulk, AgentManagement agents) {
        this.bulk = bulk;
        this.agents = agents;
    }

    @PostMapping("/views/bulk")
    String apply(BulkForm form, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            BulkResult result = form.isMerge()
                    ? bulk.mergeInto(agent, form.tickets(), form.mergeInto())
                    : bulk.apply(agent, form.tickets(), BulkChanges.parse(form.status(), form.priority(),
                            form.assignee(), form.team(), Tags.parse(form.addTags()), Tags.parse(form.removeTags()), agent.id()));
            redirect.addFlashAttribute("bulkSummary", result.summary());
            redirect.addFlashAttribute("bulkFailed", !result.failures().isEmpty());
        } catch (InvalidView | io.tessera.ticket.InvalidTicketChange e) {
            redirect.addFlashAttribute("bulkSummary", e.getMessage());
            redirect.addFlashAttribute("bulkFailed", true);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(form.view() == null ? "/" : "/views/" + form.view());
        if (form.after() != null && !form.after().isBlank()) {
            back.queryParam("after", form.after());
        }
        return "redirect:" + back.toUriString();
    }
}
