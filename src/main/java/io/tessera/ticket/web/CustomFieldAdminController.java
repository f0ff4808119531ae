package io.tessera.ticket.web;

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

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.InvalidTicketChange;

/** Admin screens for custom fields: list, create, edit, deactivate and reactivate. */
@Controller
@RequestMapping("/admin/tickets/fields")
class CustomFieldAdminController {

    private final CustomFieldDefinitions fields;

    CustomFieldAdminController(CustomFieldDefinitions fields) {
        this.fields = fields;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("fields", fields.all());
        return "ticket/admin/fields";
    }

    @GetMapping("/new")
    String newField(Model model) {
        return form(model, CustomFieldForm.empty(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") CustomFieldForm form, Model model, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        try {
            CustomField field = fields.create(form.definition(), me.initiator());
            redirect.addFlashAttribute("flash", "Field " + field.label() + " created. Add it to a ticket form to show it.");
            return "redirect:/admin/tickets/fields";
        } catch (InvalidTicketChange e) {
            return form(model, form, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        CustomField field = fields.get(id);
        return form(model, CustomFieldForm.of(field), field, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") CustomFieldForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        CustomField field = fields.get(id);
        // Key and type are fixed: take them from the field, whatever was posted.
        CustomFieldForm fixed = new CustomFieldForm(field.key(), form.label(), form.description(), field.type().name(),
                form.options(), form.requiredToSolve(), form.position());
        try {
            fields.update(id, fixed.definition(), me.initiator());
            redirect.addFlashAttribute("flash", "Field " + form.label().strip() + " saved.");
            return "redirect:/admin/tickets/fields";
        } catch (InvalidTicketChange e) {
            return form(model, fixed, field, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        fields.setActive(id, false, me.initiator());
        redirect.addFlashAttribute("flash", "Field " + fields.get(id).label() + " deactivated; tickets keep their values.");
        return "redirect:/admin/tickets/fields";
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        fields.setActive(id, true, me.initiator());
        redirect.addFlashAttribute("flash", "Field " + fields.get(id).label() + " reactivated.");
        return "redirect:/admin/tickets/fields";
    }

    private String form(Model model, CustomFieldForm form, CustomField field, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("field", field);
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("fieldErrors", errors);
        return "ticket/admin/field-form";
    }
}
