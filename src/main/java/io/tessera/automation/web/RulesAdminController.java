package io.tessera.automation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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
import io.tessera.shared.Initiator;
import io.tessera.view.ConditionBuilder;

/**
 * {@code /admin/rules}: triggers and automations for admins — the list with on/off and order, and the
 * visual builder (conditions and actions as form rows, no JSON), with "test against ticket #N" on the
 * edit page. One set of pages for both kinds ({@code /admin/rules/triggers/…}, {@code …/automations/…}):
 * a {@link Kind} says what differs. The admin filter chain keeps everyone else out.
 */
@Controller
class RulesAdminController {

    /** What the pages need from one kind of rule. */
    private interface Kind {
        String noun();

        RuleForm blank();

        RuleForm form(long id);

        String lastError(long id);

        /** Creates ({@code id} null) or updates; returns the saved rule's name. */
        String save(Long id, RuleForm form, Initiator by);

        RulePreview test(long id, long ticket);

        List<Long> order();

        void reorder(List<Long> ids, Initiator by);

        void delete(long id, Initiator by);
    }

    private final Triggers triggers;
    private final Automations automations;
    private final ConditionBuilder builder;
    private final Map<String, Kind> kinds;

    RulesAdminController(Triggers triggers, Automations automations, ConditionBuilder builder) {
        this.triggers = triggers;
        this.automations = automations;
        this.builder = builder;
        this.kinds = Map.of("triggers", new TriggerKind(), "automations", new AutomationKind());
    }

    @GetMapping("/admin/rules")
    String list(Model model) {
        model.addAttribute("triggers", triggers.list());
        model.addAttribute("automations", automations.list());
        return "automation/rules";
    }

    @GetMapping("/admin/rules/{kind}/new")
    String newRule(@PathVariable String kind, Model model) {
        return form(kind, null, kind(kind).blank(), null, null, null, model);
    }

    @PostMapping("/admin/rules/{kind}")
    String create(@PathVariable String kind, RuleForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        return save(kind, null, form, me, model, redirect);
    }

    @GetMapping("/admin/rules/{kind}/{id}")
    String edit(@PathVariable String kind, @PathVariable long id, Model model) {
        return form(kind, id, kind(kind).form(id), null, null, kind(kind).lastError(id), model);
    }

    @PostMapping("/admin/rules/{kind}/{id}")
    String update(@PathVariable String kind, @PathVariable long id, RuleForm form, @AuthenticationPrincipal SignedInAgent me,
                  Model model, RedirectAttributes redirect) {
        return save(kind, id, form, me, model, redirect);
    }

    @PostMapping("/admin/rules/{kind}/{id}/test")
    String test(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) Long ticket, Model model) {
        Kind rules = kind(kind);
        RulePreview preview = null;
        if (ticket == null) {
            model.addAttribute("testError", "Give a ticket number.");
        } else {
            try {
                preview = rules.test(id, ticket);
            } catch (InvalidRule e) {
                model.addAttribute("testError", e.getMessage());
            }
        }
        return form(kind, id, rules.form(id), null, preview, rules.lastError(id), model);
    }

    @PostMapping("/admin/rules/{kind}/{id}/enabled")
    String toggle(@PathVariable String kind, @PathVariable long id, @RequestParam boolean enabled,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Kind rules = kind(kind);
        RuleForm f = rules.form(id);
        String name = rules.save(id, new RuleForm(f.name(), f.description(), enabled, f.events(), f.all(), f.any(), f.actions()),
                me.initiator());
        redirect.addFlashAttribute("flash", capitalized(rules.noun()) + " \u201c" + name + "\u201d "
                + (enabled ? "switched on." : "switched off."));
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/{kind}/{id}/move")
    String move(@PathVariable String kind, @PathVariable long id, @RequestParam String direction,
                @AuthenticationPrincipal SignedInAgent me) {
        Kind rules = kind(kind);
        rules.reorder(moved(rules.order(), id, direction), me.initiator());
        return "redirect:/admin/rules";
    }

    @PostMapping("/admin/rules/{kind}/{id}/delete")
    String delete(@PathVariable String kind, @PathVariable long id, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        Kind rules = kind(kind);
        String name = rules.form(id).name();
        rules.delete(id, me.initiator());
        redirect.addFlashAttribute("flash", capitalized(rules.noun()) + " \u201c" + name + "\u201d deleted.");
        return "redirect:/admin/rules";
    }

    private String save(String kind, Long id, RuleForm form, SignedInAgent me, Model model, RedirectAttributes redirect) {
        Kind rules = kind(kind);
        try {
            String name = rules.save(id, form, me.initiator());
            redirect.addFlashAttribute("flash", capitalized(rules.noun()) + " \u201c" + name + "\u201d "
                    + (id == null ? "created." : "saved."));
            return "redirect:/admin/rules";
        } catch (InvalidRule e) {
            return form(kind, id, form.withBlankRows(), e, null, null, model);
        }
    }

    private String form(String kind, Long id, RuleForm form, InvalidRule error, RulePreview preview, String lastError,
                        Model model) {
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

    private Kind kind(String kind) {
        Kind rules = kinds.get(kind);
        if (rules == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such kind of rule: " + kind);
        }
        return rules;
    }

    private static String capitalized(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
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

    private final class TriggerKind implements Kind {
        public String noun() { return "trigger"; }
        public RuleForm blank() { return RuleForm.blankTrigger(); }
        public RuleForm form(long id) { return RuleForm.of(triggers.get(id)); }
        public String lastError(long id) { return triggers.get(id).lastError(); }
        public String save(Long id, RuleForm form, Initiator by) {
            Trigger saved = id == null ? triggers.create(form.triggerDraft(), by) : triggers.update(id, form.triggerDraft(), by);
            return saved.name();
        }
        public RulePreview test(long id, long ticket) { return triggers.test(id, ticket); }
        public List<Long> order() { return triggers.list().stream().map(Trigger::id).toList(); }
        public void reorder(List<Long> ids, Initiator by) { triggers.reorder(ids, by); }
        public void delete(long id, Initiator by) { triggers.delete(id, by); }
    }

    private final class AutomationKind implements Kind {
        public String noun() { return "automation"; }
        public RuleForm blank() { return RuleForm.blankAutomation(); }
        public RuleForm form(long id) { return RuleForm.of(automations.get(id)); }
        public String lastError(long id) { return automations.get(id).lastError(); }
        public String save(Long id, RuleForm form, Initiator by) {
            Automation saved = id == null ? automations.create(form.automationDraft(), by)
                    : automations.update(id, form.automationDraft(), by);
            return saved.name();
        }
        public RulePreview test(long id, long ticket) { return automations.test(id, ticket); }
        public List<Long> order() { return automations.list().stream().map(Automation::id).toList(); }
        public void reorder(List<Long> ids, Initiator by) { automations.reorder(ids, by); }
        public void delete(long id, Initiator by) { automations.delete(id, by); }
    }
}
