package io.tessera.view.web;

import java.util.List;

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
import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketSort;
import io.tessera.view.Column;
import io.tessera.view.ConditionBuilder;
import io.tessera.view.InvalidView;
import io.tessera.view.View;
import io.tessera.view.Views;

/** Creating, editing and deleting custom views with the condition builder. */
@Controller
class ViewFormController {

    private final Views views;
    private final AgentManagement agents;
    private final ConditionBuilder builder;
    private final TicketFields ticketFields;

    ViewFormController(Views views, AgentManagement agents, ConditionBuilder builder, TicketFields ticketFields) {
        this.views = views;
        this.agents = agents;
        this.builder = builder;
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
        model.addAllAttributes(builder.choices(concat(form.all(), form.any())));
        model.addAttribute("columns", Column.values());
        model.addAttribute("sorts", TicketSort.values());
        return "view/view-form";
    }

    private static List<ConditionBuilder.Row> concat(List<ConditionBuilder.Row> a, List<ConditionBuilder.Row> b) {
        List<ConditionBuilder.Row> all = new java.util.ArrayList<>(a == null ? List.of() : a);
        all.addAll(b == null ? List.of() : b);
        return all;
    }
}
