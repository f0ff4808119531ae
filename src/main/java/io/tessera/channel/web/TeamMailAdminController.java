package io.tessera.channel.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.channel.EmailAdministration;
import io.tessera.channel.InvalidEmailSetting;
import io.tessera.channel.settings.SupportAddresses;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.TeamId;

/**
 * {@code /admin/email/teams}: per team, the address its mail is sent from, what a reply to a closed ticket
 * does, and whether a new subject in an old thread starts a new ticket (docs/email.md, "Threading").
 */
@Controller
@RequestMapping("/admin/email/teams")
class TeamMailAdminController {

    private final TeamManagement teams;
    private final TeamMailRules rules;
    private final SupportAddresses addresses;
    private final EmailAdministration administration;

    TeamMailAdminController(TeamManagement teams, TeamMailRules rules, SupportAddresses addresses,
                            EmailAdministration administration) {
        this.teams = teams;
        this.rules = rules;
        this.addresses = addresses;
        this.administration = administration;
    }

    @GetMapping
    String list(Model model) {
        Map<TeamId, TeamMailSettings> configured = rules.all();
        model.addAttribute("teams", teams.list());
        model.addAttribute("rules", configured);
        model.addAttribute("defaults", TeamMailSettings.defaults(null));
        model.addAttribute("defaultSender", addresses.defaultSender());
        return "channel/admin/teams";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Team team = teams.get(TeamId.of(id));
        return page(model, team, TeamMailForm.of(rules.of(team.id())), Map.of());
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @ModelAttribute TeamMailForm form, @AuthenticationPrincipal SignedInAgent me,
                Model model, RedirectAttributes redirect) {
        Team team = teams.get(TeamId.of(id));
        try {
            administration.saveTeamRules(form.toSettings(team.id(), rules.of(team.id()).closedReplyDays()), me.initiator());
            redirect.addFlashAttribute("flash", "Mail rules of " + team.name() + " saved.");
            return "redirect:/admin/email/teams";
        } catch (InvalidEmailSetting e) {
            return page(model, team, form, Map.of(e.field(), e.getMessage()));
        }
    }

    private String page(Model model, Team team, TeamMailForm form, Map<String, String> errors) {
        model.addAttribute("team", team);
        model.addAttribute("form", form);
        model.addAttribute("defaultSender", addresses.defaultSender());
        model.addAttribute("fieldErrors", errors);
        return "channel/admin/team-mail";
    }
}
