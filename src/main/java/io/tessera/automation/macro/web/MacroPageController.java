package io.tessera.automation.macro.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.automation.ActionType;
import io.tessera.automation.macro.InvalidMacro;
import io.tessera.automation.macro.Macro;
import io.tessera.automation.macro.MacroForbidden;
import io.tessera.automation.macro.Macros;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamManagement;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketTypes;

/**
 * {@code /macros}: the agent's macros (shared and their own) with create, edit and delete. Actions are
 * built from a select of types with an input for each kind of value, never typed as JSON. Agents manage
 * their personal macros; supervisors and admins also the shared ones.
 */
@Controller
class MacroPageController {

    /** Placeholders in the order the form's help lists them (docs/canned-responses.md has what each is). */
    static final List<String> PLACEHOLDERS = List.of("requester.first_name", "requester.name", "requester.email",
            "ticket.number", "ticket.subject", "ticket.status", "agent.name", "agent.first_name", "kb.<slug>");

    /** Every rule action but send_email: a macro writes to the requester with a public reply. */
    /** What a macro can do: the ticket's properties, a reply and a note (the rest is for triggers and automations). */
    static final List<ActionType> TYPES = Arrays.stream(ActionType.values())
            .filter(t -> !java.util.EnumSet.of(ActionType.SEND_EMAIL, ActionType.ASSIGN_BY_STRATEGY,
                    ActionType.APPLY_SLA_POLICY, ActionType.CALL_WEBHOOK, ActionType.NOTIFY).contains(t)).toList();

    private final Macros macros;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final TicketFields fields;

    MacroPageController(Macros macros, AgentManagement agents, TeamManagement teams, TicketTypes types,
                        TicketFields fields) {
        this.macros = macros;
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.fields = fields;
    }

    @GetMapping("/macros")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        List<Macro> all = macros.visibleTo(agent);
        Map<Long, List<String>> summaries = new LinkedHashMap<>();
        all.forEach(m -> summaries.put(m.id(), macros.summary(m)));
        model.addAttribute("macros", all);
        model.addAttribute("summaries", summaries);
        model.addAttribute("editable", all.stream().filter(m -> macros.mayEdit(m, agent)).map(Macro::id).toList());
        return "automation/macros";
    }

    @GetMapping("/macros/new")
    String newMacro(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return form(MacroForm.blank(), null, agents.get(me.id()), null, model);
    }

    @PostMapping("/macros")
    String create(MacroForm form, @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            Macro created = macros.create(form.draft(), agent);
            redirect.addFlashAttribute("flash", "Macro \u201c" + created.name() + "\u201d created.");
            return "redirect:/macros";
        } catch (InvalidMacro e) {
            return form(form.withSpareRows(), null, agent, e, model);
        }
    }

    @GetMapping("/macros/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        Macro macro = macros.get(id, agent);
        if (!macros.mayEdit(macro, agent)) {
            throw new MacroForbidden("You may not change this macro.");
        }
        return form(MacroForm.of(macro), macro, agent, null, model);
    }

    @PostMapping("/macros/{id}")
    String update(@PathVariable long id, MacroForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            Macro updated = macros.update(id, form.draft(), agent);
            redirect.addFlashAttribute("flash", "Macro \u201c" + updated.name() + "\u201d saved.");
            return "redirect:/macros";
        } catch (InvalidMacro e) {
            return form(form.withSpareRows(), macros.get(id, agent), agent, e, model);
        }
    }

    @PostMapping("/macros/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        String name = macros.get(id, agent).name();
        macros.delete(id, agent);
        redirect.addFlashAttribute("flash", "Macro \u201c" + name + "\u201d deleted.");
        return "redirect:/macros";
    }

    private String form(MacroForm form, Macro editing, Agent agent, InvalidMacro error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("mayShare", macros.mayManageShared(agent));
        model.addAttribute("actionTypes", TYPES);
        // "new" is where tickets start, never where a macro can send one.
        model.addAttribute("statuses", Arrays.stream(TicketStatus.values()).filter(s -> s != TicketStatus.NEW).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("ticketTypes", types.all().stream().filter(TicketTypes.TicketType::active).toList());
        model.addAttribute("teams", teams.list());
        model.addAttribute("agents", agents.list().stream().filter(Agent::active).toList());
        model.addAttribute("customFields", fields.definitions().stream().filter(CustomField::active).toList());
        model.addAttribute("placeholders", PLACEHOLDERS);
        model.addAttribute("fieldErrors", error == null ? Map.of() : Map.of(error.field(), error.getMessage()));
        return "automation/macro-form";
    }
}
