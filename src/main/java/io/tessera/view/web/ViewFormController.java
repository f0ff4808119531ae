package io.tessera.view.web;

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

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamManagement;
import io.tessera.ticket.Channel;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketSort;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketTypes;
import io.tessera.view.Column;
import io.tessera.view.InvalidView;
import io.tessera.view.Operator;
import io.tessera.view.View;
import io.tessera.view.Views;

/** Creating, editing and deleting custom views with the condition builder. */
@Controller
class ViewFormController {

    /** The builder's fields, in the order of its field menu (keys as in docs/views.md). */
    static final Map<String, String> FIELDS = new java.util.LinkedHashMap<>();

    static {
        FIELDS.put("status", "Status");
        FIELDS.put("priority", "Priority");
        FIELDS.put("type", "Type");
        FIELDS.put("team", "Team");
        FIELDS.put("assignee", "Assignee");
        FIELDS.put("requester", "Requester (customer id)");
        FIELDS.put("organization", "Organization (id)");
        FIELDS.put("tags", "Tags");
        FIELDS.put("channel", "Channel");
        FIELDS.put("created", "Created");
        FIELDS.put("updated", "Updated");
        FIELDS.put("solved", "Solved");
    }

    private final Views views;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final TicketFields ticketFields;

    ViewFormController(Views views, AgentManagement agents, TeamManagement teams, TicketTypes types,
                       TicketFields ticketFields) {
        this.views = views;
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.ticketFields = ticketFields;
    }

    @GetMapping("/views/new")
    String newView(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return form(ViewForm.blank(), null, agents.get(me.id()), null, model);
    }

    @PostMapping("/views")
    String create(ViewForm form, @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            View created = views.create(form.draft(ticketFields::match), agent);
            redirect.addFlashAttribute("flash", "View \u201c" + created.name() + "\u201d created.");
            return "redirect:/views/" + created.id();
        } catch (InvalidView e) {
            return form(form.withBlankRows(), null, agent, e, model);
        }
    }

    @GetMapping("/views/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        View view = views.get(id, agent);
        if (!views.mayEdit(view, agent)) {
            throw new io.tessera.view.ViewForbidden("You may not change this view.");
        }
        return form(ViewForm.of(view), view, agent, null, model);
    }

    @PostMapping("/views/{id}")
    String update(@PathVariable long id, ViewForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            View updated = views.update(id, form.draft(ticketFields::match), agent);
            redirect.addFlashAttribute("flash", "View \u201c" + updated.name() + "\u201d saved.");
            return "redirect:/views/" + id;
        } catch (InvalidView e) {
            return form(form.withBlankRows(), views.get(id, agent), agent, e, model);
        }
    }

    @PostMapping("/views/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        String name = views.get(id, agent).name();
        views.delete(id, agent);
        redirect.addFlashAttribute("flash", "View \u201c" + name + "\u201d deleted.");
        return "redirect:/";
    }

    private String form(ViewForm form, View view, Agent agent, InvalidView error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", view);
        model.addAttribute("error", error);
        model.addAttribute("mayShare", views.mayManageShared(agent));
        List<CustomField> custom = customFields(form);
        Map<String, String> fields = new LinkedHashMap<>(FIELDS);
        custom.forEach(f -> fields.put("field:" + f.key(), f.label() + (f.active() ? "" : " (deactivated)")));
        model.addAttribute("fields", fields);
        model.addAttribute("customFields", custom.stream().map(ViewFormController::suggestions).toList());
        model.addAttribute("operators", Operator.values());
        model.addAttribute("columns", Column.values());
        model.addAttribute("sorts", TicketSort.values());
        model.addAttribute("teamChoices", teams.list());
        model.addAttribute("agentChoices", agents.list().stream().filter(Agent::active).toList());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("types", types.all());
        return "view/view-form";
    }

    /** The active custom fields, and deactivated ones only where the view already uses them. */
    private List<CustomField> customFields(ViewForm form) {
        List<String> used = form.usedFields();
        return ticketFields.definitions().stream().filter(f -> f.active() || used.contains("field:" + f.key())).toList();
    }

    /** A custom field's value suggestions for the builder: its options, true/false, and always "none". */
    public record FieldSuggestions(String field, List<String> values) {
    }

    private static FieldSuggestions suggestions(CustomField field) {
        List<String> values = new java.util.ArrayList<>();
        if (field.type().hasOptions()) {
            values.addAll(field.options());
        }
        if (field.type() == FieldType.CHECKBOX) {
            values.addAll(List.of("true", "false"));
        } else {
            values.add("none");
        }
        return new FieldSuggestions("field:" + field.key(), values);
    }
}
