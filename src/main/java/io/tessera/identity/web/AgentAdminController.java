package io.tessera.identity.web;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentChanges;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.CreatedAgent;
import io.tessera.identity.InvalidChange;
import io.tessera.identity.NewAgent;
import io.tessera.identity.Role;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * Admin screens for agents: list, create, edit, deactivate, reset password, clear failed sign-ins, sign out
 * everywhere, and the agent's API tokens.
 */
@Controller
@RequestMapping("/admin/agents")
class AgentAdminController {

    private final AgentManagement agents;
    private final TeamManagement teams;
    private final ApiTokens tokens;
    private final Clock clock;

    AgentAdminController(AgentManagement agents, TeamManagement teams, ApiTokens tokens, Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("agents", agents.list());
        model.addAttribute("now", clock.instant());
        return "identity/agents";
    }

    @GetMapping("/new")
    String newAgent(Model model) {
        return form(model, AgentForm.empty(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") AgentForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        try {
            CreatedAgent created = agents.create(new NewAgent(form.email(), form.name(), form.role(), teamIds(form),
                    form.password()), me.initiator());
            redirect.addFlashAttribute("flash", "Agent " + created.agent().email() + " created.");
            if (created.generatedPassword() != null) {
                redirect.addFlashAttribute("flashSecretLabel",
                        "Temporary password for " + created.agent().email() + ". Give it to them now; it is not shown again:");
                redirect.addFlashAttribute("flashSecret", created.generatedPassword());
            }
            return "redirect:/admin/agents";
        } catch (InvalidChange e) {
            model.addAttribute("fieldErrors", Map.of(field(e), e.getMessage()));
            return form(model, form, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Agent agent = agents.get(AgentId.of(id));
        var form = new AgentForm(agent.email(), agent.name(), agent.role(),
                agent.teams().stream().map(t -> t.id().value()).toList(), "");
        return form(model, form, agent);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") AgentForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(AgentId.of(id));
        try {
            agents.update(agent.id(), new AgentChanges(form.name(), form.role(), teamIds(form)), me.initiator());
            redirect.addFlashAttribute("flash", "Agent " + agent.email() + " saved.");
            return "redirect:/admin/agents";
        } catch (InvalidChange e) {
            model.addAttribute("fieldErrors", Map.of(field(e), e.getMessage()));
            return form(model, form, agent);
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        return act(redirect, "Agent deactivated; their sessions and API tokens stop working.",
                () -> agents.deactivate(AgentId.of(id), me.initiator()));
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        return act(redirect, "Agent reactivated.", () -> agents.reactivate(AgentId.of(id), me.initiator()));
    }

    @PostMapping("/{id}/clear-sign-in-failures")
    String clearSignInFailures(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        agents.clearSignInFailures(AgentId.of(id), me.initiator());
        redirect.addFlashAttribute("flash", "Failed sign-ins cleared: no sign-in for this agent waits now.");
        return "redirect:/admin/agents/" + id;
    }

    /** "Reset password": with the box ticked (the default) the agent's API tokens are revoked too. */
    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                         @RequestParam(defaultValue = "false") boolean revokeTokens,
                         @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(AgentId.of(id));
        try {
            String generated = agents.resetPassword(agent.id(), password, revokeTokens, me.initiator());
            redirect.addFlashAttribute("flash", "Password of " + agent.email() + " reset; their sessions were ended"
                    + (revokeTokens ? " and their API tokens revoked." : "."));
            if (generated != null) {
                redirect.addFlashAttribute("flashSecretLabel",
                        "New password for " + agent.email() + ". Give it to them now; it is not shown again:");
                redirect.addFlashAttribute("flashSecret", generated);
            }
        } catch (InvalidChange e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/{id}/sign-out-everywhere")
    String signOutEverywhere(@PathVariable long id, @RequestParam(defaultValue = "false") boolean revokeTokens,
                             @AuthenticationPrincipal SignedInAgent me, HttpServletRequest request,
                             HttpServletResponse response, RedirectAttributes redirect) {
        Agent agent = agents.get(AgentId.of(id));
        agents.signOutEverywhere(agent.id(), revokeTokens, me.initiator());
        if (agent.id().equals(me.id())) {
            return SignOut.thisBrowser(request, response);
        }
        redirect.addFlashAttribute("flash", agent.email() + " was signed out everywhere"
                + (revokeTokens ? " and their API tokens revoked." : "."));
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    String revokeToken(@PathVariable long id, @PathVariable long tokenId, @AuthenticationPrincipal SignedInAgent me,
                       RedirectAttributes redirect) {
        tokens.revoke(agents.get(AgentId.of(id)).id(), tokenId, me.initiator());
        redirect.addFlashAttribute("flash", "API token revoked.");
        return "redirect:/admin/agents/" + id;
    }

    private String act(RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", success);
        } catch (InvalidChange e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/agents";
    }

    private String form(Model model, AgentForm form, Agent agent) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        model.addAttribute("agent", agent);
        if (agent != null) {
            model.addAttribute("tokens", tokens.list(agent.id()));
            model.addAttribute("signInFailures", agents.recentSignInFailures(agent.id()));
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", teams.list().stream().map(t -> t.ref()).toList());
        model.addAttribute("now", clock.instant());
        return "identity/agent-form";
    }

    private static Set<TeamId> teamIds(AgentForm form) {
        return form.teamIdsOrEmpty().stream().map(TeamId::of).collect(Collectors.toSet());
    }

    private static String field(InvalidChange e) {
        return switch (e.field()) {
            case "teams" -> "teamIds";
            case "active" -> "email";
            default -> e.field();
        };
    }
}
