package io.tessera.automation.canned.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.automation.canned.CannedResponse;
import io.tessera.automation.canned.CannedResponses;
import io.tessera.automation.canned.InvalidCannedResponse;
import io.tessera.automation.canned.Placeholders;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;

/**
 * {@code /canned-responses}: the agent's canned responses (shared and their own) with create, edit and
 * delete. Agents manage their personal ones; supervisors and admins also the shared ones.
 */
@Controller
class CannedResponsePageController {

    /** Placeholders in the order the form's help lists them. */
    static final List<String> PLACEHOLDERS = List.of("requester.first_name", "requester.name", "requester.email",
            "ticket.number", "ticket.subject", "ticket.status", "agent.name", "agent.first_name", "kb.<slug>");

    private final CannedResponses responses;
    private final AgentManagement agents;

    CannedResponsePageController(CannedResponses responses, AgentManagement agents) {
        this.responses = responses;
        this.agents = agents;
        assert PLACEHOLDERS.stream().filter(p -> !p.startsWith("kb.")).allMatch(Placeholders.NAMES::contains);
    }

    @GetMapping("/canned-responses")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        List<CannedResponse> all = responses.visibleTo(agent);
        model.addAttribute("responses", all);
        model.addAttribute("editable", all.stream().filter(r -> responses.mayEdit(r, agent)).map(CannedResponse::id).toList());
        return "automation/canned-responses";
    }

    @GetMapping("/canned-responses/new")
    String newResponse(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return form(CannedResponseForm.blank(), null, agents.get(me.id()), null, model);
    }

    @PostMapping("/canned-responses")
    String create(CannedResponseForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            CannedResponse created = responses.create(form.draft(), agent);
            redirect.addFlashAttribute("flash", "Canned response \u201c" + created.title() + "\u201d created.");
            return "redirect:/canned-responses";
        } catch (InvalidCannedResponse e) {
            return form(form, null, agent, e, model);
        }
    }

    @GetMapping("/canned-responses/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        CannedResponse response = responses.get(id, agent);
        if (!responses.mayEdit(response, agent)) {
            throw new io.tessera.automation.canned.CannedResponseForbidden("You may not change this canned response.");
        }
        return form(CannedResponseForm.of(response), response, agent, null, model);
    }

    @PostMapping("/canned-responses/{id}")
    String update(@PathVariable long id, CannedResponseForm form, @AuthenticationPrincipal SignedInAgent me,
                  Model model, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            CannedResponse updated = responses.update(id, form.draft(), agent);
            redirect.addFlashAttribute("flash", "Canned response \u201c" + updated.title() + "\u201d saved.");
            return "redirect:/canned-responses";
        } catch (InvalidCannedResponse e) {
            return form(form, responses.get(id, agent), agent, e, model);
        }
    }

    @PostMapping("/canned-responses/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        String title = responses.get(id, agent).title();
        responses.delete(id, agent);
        redirect.addFlashAttribute("flash", "Canned response \u201c" + title + "\u201d deleted.");
        return "redirect:/canned-responses";
    }

    private String form(CannedResponseForm form, CannedResponse editing, Agent agent, InvalidCannedResponse error,
                        Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("mayShare", responses.mayManageShared(agent));
        model.addAttribute("placeholders", PLACEHOLDERS);
        model.addAttribute("fieldErrors", error == null ? Map.of() : Map.of(error.field(), error.getMessage()));
        return "automation/canned-response-form";
    }
}
