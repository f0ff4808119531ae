package io.tessera.identity.web;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.InvalidChange;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/** Admin screens for teams: list, create, edit members, delete. */
@Controller
@RequestMapping("/admin/teams")
class TeamAdminController {

    private final TeamManagement teams;
    private final AgentManagement agents;

    TeamAdminController(TeamManagement teams, AgentManagement agents) {
        this.teams = teams;
        this.agents = agents;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", teams.list());
        model.addAttribute("agentNames", agents.list().stream()
                .collect(Collectors.toMap(a -> a.id().value(), a -> a.name())));
        return "identity/teams";
    }

    @GetMapping("/new")
    String newTeam(Model model) {
        return form(model, TeamForm.empty(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") TeamForm form, Model model, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        try {
            Team team = teams.create(form.name(), form.description(), memberIds(form), me.initiator());
            redirect.addFlashAttribute("flash", "Team " + team.name() + " created.");
            return "redirect:/admin/teams";
        } catch (InvalidChange e) {
            return form(model, form, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Team team = teams.get(TeamId.of(id));
        var form = new TeamForm(team.name(), team.description(), team.memberIds().stream().map(AgentId::value).toList());
        return form(model, form, team, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") TeamForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Team team = teams.get(TeamId.of(id));
        try {
            teams.update(team.id(), form.name(), form.description(), memberIds(form), me.initiator());
            redirect.addFlashAttribute("flash", "Team " + form.name().trim() + " saved.");
            return "redirect:/admin/teams";
        } catch (InvalidChange e) {
            return form(model, form, team, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Team team = teams.get(TeamId.of(id));
        teams.delete(team.id(), me.initiator());
        redirect.addFlashAttribute("flash", "Team " + team.name() + " deleted.");
        return "redirect:/admin/teams";
    }

    private String form(Model model, TeamForm form, Team team, Map<String, String> fieldErrors) {
        model.addAttribute("form", form);
        model.addAttribute("team", team);
        model.addAttribute("agents", agents.list());
        model.addAttribute("fieldErrors", fieldErrors);
        return "identity/team-form";
    }

    private static Set<AgentId> memberIds(TeamForm form) {
        return form.memberIdsOrEmpty().stream().map(AgentId::of).collect(Collectors.toSet());
    }
}
