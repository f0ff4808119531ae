package io.tessera.automation.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.automation.ActionType;
import io.tessera.automation.Automation;
import io.tessera.automation.Automations;
import io.tessera.automation.InvalidRule;
import io.tessera.automation.RulePreview;
import io.tessera.automation.Trigger;
import io.tessera.automation.TriggerEvent;
import io.tessera.automation.Triggers;
import io.tessera.identity.SignedInAgent;
import io.tessera.view.ConditionBuilder;

/**
 * {@code /admin/rules}: triggers and automations for admins — the list with on/off and order, and the
 * visual builder (conditions and actions as form rows, no JSON), with "test against ticket #N" on the
 * edit page. The admin filter chain keeps everyone else out.
 */
@Controller
class RulesAdminController {

    private final Triggers triggers;
    private final Automations automations;
    private final ConditionBuilder builder;

    RulesAdminController(Triggers triggers, Automations automations, ConditionBuilder builder) {
        this.triggers = triggers;
        this.automations = automations;
        this.builder = builder;
    }

    @GetMapping("/admin/rules")
    String list(Model model) {
        model.addAttribute("triggers", triggers.list());
        model.addAttribute("automations", automations.list());
        return "automation/rules";
    }

    // Triggers

    @GetMapping("/admin/rules/triggers/new")
    String newTrigger(Model model) {
        return form("triggers", null, RuleForm.blankTrigger(), null, null, model);
    }

    @PostMapping("/admin/rules/triggers")
    String createTrigger(RuleForm form, @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        try {
            Trigger created = triggers.create(form.triggerDraft(), me.initiator());
            redirect.addFlashAttribute("flash", "Trigger \u201c" + created.name() + "\u201d created.");
            return "redirect:/admin/rules";
        } catch (InvalidRule e) {
            return form("triggers", null, form.withBlankRows(), e, null, model);
        }
    }

    @GetMapping("/admin/rules/triggers/{id}")
    String editTrigger(@PathVariable long id, Model model) {
        Trigger trigger = triggers.get(id);
        return form("triggers", trigger.id(), RuleForm.of(trigger), null, null, model, trigger.lastError());
    }

    @PostMapping("/admin/rules/triggers/{id}")
    String updateTrigger(@PathVariable long id, RuleForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                         RedirectAttributes redirect) {
        try {
            Trigger updated = triggers.update(id, form.triggerDraft(), me.initiator());
            redirect.addFlashAttribute("flash", "Trigger \u201c" + updated.name() + "\u201d saved.");
            return "redirect:/admin/rules";
        } catch (InvalidRule e) {
            return form("triggers", id, form.withBlankRows(), e, null, model);
        }
    }

    @PostMapping("/admin/rules/triggers/{id}/test")
    String testTrigger(@PathVariable long id, @RequestParam(required = false) Long ticket, Model model) {
        Trigger trigger = triggers.get(id);
        return test(ticket, number -> triggers.test(id, number), preview ->
                form("triggers", id, RuleForm.of(trigger), null, preview, model, trigger.lastError()), model);
    }

    @PostMapping("/admin/rules/triggers/{id}/enabled")
    String toggleTrigger(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInAgent me,
                         RedirectAttributes redirect) {
        Trigger t = triggers.get(id);
        RuleForm form = RuleForm.of(t);
        triggers.update(id, new RuleForm(form.name(), form.description(), enabled, form.events(), form.all(), form.any(),
                form.actions()).triggerDraft(), me.initiator());
        redirect.addFlashAttribute("flash", "Trigger \u201c" + t.name() + "\u201d " + (enabled ? "switched on." : "switched off."));
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/triggers/{id}/move")
    String moveTrigger(@PathVariable long id, @RequestParam String direction, @AuthenticationPrincipal SignedInAgent me) {
        triggers.reorder(moved(triggers.list().stream().map(Trigger::id).toList(), id, direction), me.initiator());
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/triggers/{id}/delete")
    String deleteTrigger(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        String name = triggers.get(id).name();
        triggers.delete(id, me.initiator());
        redirect.addFlashAttribute("flash", "Trigger \u201c" + name + "\u201d deleted.");
        return "redirect:/admin/rules";
    }

    // Automations

    @GetMapping("/admin/rules/automations/new")
    String newAutomation(Model model) {
        return form("automations", null, RuleForm.blankAutomation(), null, null, model);
    }

    @PostMapping("/admin/rules/automations")
    String createAutomation(RuleForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                            RedirectAttributes redirect) {
        try {
            Automation created = automations.create(form.automationDraft(), me.initiator());
            redirect.addFlashAttribute("flash", "Automation \u201c" + created.name() + "\u201d created.");
            return "redirect:/admin/rules";
        } catch (InvalidRule e) {
            return form("automations", null, form.withBlankRows(), e, null, model);
        }
    }

    @GetMapping("/admin/rules/automations/{id}")
    String editAutomation(@PathVariable long id, Model model) {
        Automation automation = automations.get(id);
        return form("automations", id, RuleForm.of(automation), null, null, model, automation.lastError());
    }

    @PostMapping("/admin/rules/automations/{id}")
    String updateAutomation(@PathVariable long id, RuleForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                            RedirectAttributes redirect) {
        try {
            Automation updated = automations.update(id, form.automationDraft(), me.initiator());
            redirect.addFlashAttribute("flash", "Automation \u201c" + updated.name() + "\u201d saved.");
            return "redirect:/admin/rules";
        } catch (InvalidRule e) {
            return form("automations", id, form.withBlankRows(), e, null, model);
        }
    }

    @PostMapping("/admin/rules/automations/{id}/test")
    String testAutomation(@PathVariable long id, @RequestParam(required = false) Long ticket, Model model) {
        Automation automation = automations.get(id);
        return test(ticket, number -> automations.test(id, number), preview ->
                form("automations", id, RuleForm.of(automation), null, preview, model, automation.lastError()), model);
    }

    @PostMapping("/admin/rules/automations/{id}/enabled")
    String toggleAutomation(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal SignedInAgent me,
                            RedirectAttributes redirect) {
        Automation a = automations.get(id);
        RuleForm form = RuleForm.of(a);
        automations.update(id, new RuleForm(form.name(), form.description(), enabled, List.of(), form.all(), form.any(),
                form.actions()).automationDraft(), me.initiator());
        redirect.addFlashAttribute("flash", "Automation \u201c" + a.name() + "\u201d " + (enabled ? "switched on." : "switched off."));
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/automations/{id}/move")
    String moveAutomation(@PathVariable long id, @RequestParam String direction, @AuthenticationPrincipal SignedInAgent me) {
        automations.reorder(moved(automations.list().stream().map(Automation::id).toList(), id, direction), me.initiator());
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/automations/{id}/delete")
    String deleteAutomation(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        String name = automations.get(id).name();
        automations.delete(id, me.initiator());
        redirect.addFlashAttribute("flash", "Automation \u201c" + name + "\u201d deleted.");
        return "redirect:/admin/rules";
    }

    // Shared

    private String test(Long ticket, java.util.function.LongFunction<RulePreview> preview,
                        java.util.function.Function<RulePreview, String> page, Model model) {
        if (ticket == null) {
            model.addAttribute("testError", "Give a ticket number.");
            return page.apply(null);
        }
        try {
            return page.apply(preview.apply(ticket));
        } catch (InvalidRule e) {
            model.addAttribute("testError", e.getMessage());
            return page.apply(null);
        }
    }

    private String form(String kind, Long id, RuleForm form, InvalidRule error, RulePreview preview, Model model) {
        return form(kind, id, form, error, preview, model, null);
    }

    private String form(String kind, Long id, RuleForm form, InvalidRule error, RulePreview preview, Model model,
                        String lastError) {
        model.addAllAttributes(builder.choices(form.usedRows()));
        model.addAttribute("kind", kind);
        model.addAttribute("ruleId", id);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("preview", preview);
        model.addAttribute("lastError", lastError);
        model.addAttribute("events", TriggerEvent.values());
        // add_reply is the macros' own: a rule writes to people with send_email.
        model.addAttribute("actionTypes", java.util.Arrays.stream(ActionType.values())
                .filter(t -> t != ActionType.ADD_REPLY).toList());
        return "automation/rule-form";
    }

    /** The ids with {@code id} moved one place up or down. */
    private static List<Long> moved(List<Long> ids, long id, String direction) {
        List<Long> order = new ArrayList<>(ids);
        int at = order.indexOf(id);
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, id);
        }
        return order;
    }
}
