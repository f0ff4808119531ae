package io.tessera.sla.web;

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

import io.tessera.identity.SignedInAgent;
import io.tessera.sla.BusinessCalendars;
import io.tessera.sla.InvalidSla;
import io.tessera.sla.SlaMetric;
import io.tessera.sla.SlaPolicies;
import io.tessera.sla.SlaPolicy;
import io.tessera.sla.StoredCalendar;
import io.tessera.ticket.Priority;
import io.tessera.view.ConditionBuilder;

/**
 * {@code /admin/sla}: business-hours calendars and SLA policies for admins, with the shared condition
 * builder and a grid of targets (docs/sla.md). The admin filter chain keeps everyone else out.
 */
@Controller
class SlaAdminController {

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final ConditionBuilder builder;

    SlaAdminController(BusinessCalendars calendars, SlaPolicies policies, ConditionBuilder builder) {
        this.calendars = calendars;
        this.policies = policies;
        this.builder = builder;
    }

    @GetMapping("/admin/sla")
    String list(Model model) {
        List<StoredCalendar> all = calendars.list();
        model.addAttribute("calendars", all);
        model.addAttribute("policies", policies.list());
        model.addAttribute("calendarNames", all.stream().collect(java.util.stream.Collectors.toMap(StoredCalendar::id,
                c -> c.calendar().name())));
        return "sla/admin";
    }

    // Calendars

    @GetMapping("/admin/sla/calendars/new")
    String newCalendar(Model model) {
        return calendarForm(null, CalendarForm.blank(), null, model);
    }

    @PostMapping("/admin/sla/calendars")
    String createCalendar(CalendarForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                          RedirectAttributes redirect) {
        try {
            StoredCalendar created = calendars.create(form.draft(), me.initiator());
            redirect.addFlashAttribute("flash", "Calendar \u201c" + created.calendar().name() + "\u201d created.");
            return "redirect:/admin/sla";
        } catch (InvalidSla e) {
            return calendarForm(null, form, e, model);
        }
    }

    @GetMapping("/admin/sla/calendars/{id}")
    String editCalendar(@PathVariable long id, Model model) {
        return calendarForm(id, CalendarForm.of(calendars.get(id)), null, model);
    }

    @PostMapping("/admin/sla/calendars/{id}")
    String updateCalendar(@PathVariable long id, CalendarForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                          RedirectAttributes redirect) {
        try {
            StoredCalendar updated = calendars.update(id, form.draft(), me.initiator());
            redirect.addFlashAttribute("flash", "Calendar \u201c" + updated.calendar().name() + "\u201d saved.");
            return "redirect:/admin/sla";
        } catch (InvalidSla e) {
            return calendarForm(id, form, e, model);
        }
    }

    @PostMapping("/admin/sla/calendars/{id}/delete")
    String deleteCalendar(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        try {
            String name = calendars.get(id).calendar().name();
            calendars.delete(id, me.initiator());
            redirect.addFlashAttribute("flash", "Calendar \u201c" + name + "\u201d deleted.");
        } catch (InvalidSla e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/admin/sla";
    }

    // Policies

    @GetMapping("/admin/sla/policies/new")
    String newPolicy(Model model) {
        return policyForm(null, PolicyForm.blank(), null, model);
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(PolicyForm form, @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        try {
            SlaPolicy created = policies.create(form.draft(), me.initiator());
            redirect.addFlashAttribute("flash", "Policy \u201c" + created.name() + "\u201d created.");
            return "redirect:/admin/sla";
        } catch (InvalidSla e) {
            return policyForm(null, form.withBlankRows(), e, model);
        }
    }

    @GetMapping("/admin/sla/policies/{id}")
    String editPolicy(@PathVariable long id, Model model) {
        return policyForm(id, PolicyForm.of(policies.get(id)), null, model);
    }

    @PostMapping("/admin/sla/policies/{id}")
    String updatePolicy(@PathVariable long id, PolicyForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                        RedirectAttributes redirect) {
        try {
            SlaPolicy updated = policies.update(id, form.draft(), me.initiator());
            redirect.addFlashAttribute("flash", "Policy \u201c" + updated.name() + "\u201d saved.");
            return "redirect:/admin/sla";
        } catch (InvalidSla e) {
            return policyForm(id, form.withBlankRows(), e, model);
        }
    }

    @PostMapping("/admin/sla/policies/{id}/move")
    String movePolicy(@PathVariable long id, @RequestParam String direction, @AuthenticationPrincipal SignedInAgent me) {
        List<Long> order = new ArrayList<>(policies.list().stream().map(SlaPolicy::id).toList());
        int at = order.indexOf(id);
        int to = "up".equals(direction) ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, id);
        }
        policies.reorder(order, me.initiator());
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/policies/{id}/delete")
    String deletePolicy(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        String name = policies.get(id).name();
        policies.delete(id, me.initiator());
        redirect.addFlashAttribute("flash", "Policy \u201c" + name + "\u201d deleted.");
        return "redirect:/admin/sla";
    }

    private String calendarForm(Long id, CalendarForm form, InvalidSla error, Model model) {
        model.addAttribute("calendarId", id);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("days", java.time.DayOfWeek.values());
        return "sla/calendar-form";
    }

    private String policyForm(Long id, PolicyForm form, InvalidSla error, Model model) {
        model.addAllAttributes(builder.choices(form.usedRows()));
        model.addAttribute("policyId", id);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("metrics", SlaMetric.values());
        List<Priority> urgentFirst = new ArrayList<>(List.of(Priority.values()));
        java.util.Collections.reverse(urgentFirst);
        model.addAttribute("targetPriorities", urgentFirst);
        return "sla/policy-form";
    }
}
