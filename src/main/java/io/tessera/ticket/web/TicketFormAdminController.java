package io.tessera.ticket.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.CustomField;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.TicketTypes;

/**
 * Ticket forms: per ticket type, which custom fields its tickets show and in which order. The editor lists
 * every active field with a checkbox and a position; fields left out keep their values on tickets.
 */
@Controller
@RequestMapping("/admin/tickets/forms")
class TicketFormAdminController {

    private final CustomFieldDefinitions fields;
    private final TicketTypes types;

    TicketFormAdminController(CustomFieldDefinitions fields, TicketTypes types) {
        this.fields = fields;
        this.types = types;
    }

    /** One row of a form's editor. */
    record Row(CustomField field, boolean included, int position) {
    }

    @GetMapping
    String list(Model model) {
        List<TicketTypes.TicketType> all = types.all();
        Map<String, List<CustomField>> forms = new HashMap<>();
        all.forEach(t -> forms.put(t.key(), fields.formOf(t.key())));
        model.addAttribute("types", all);
        model.addAttribute("forms", forms);
        return "ticket/admin/forms";
    }

    @GetMapping("/{type}")
    String edit(@PathVariable String type, Model model) {
        TicketTypes.TicketType ticketType = type(type);
        List<Long> included = fields.formFieldIds(type);
        List<Row> rows = new ArrayList<>();
        for (CustomField field : fields.all()) {
            int index = included.indexOf(field.id());
            if (field.active() || index >= 0) {
                rows.add(new Row(field, index >= 0, index >= 0 ? index + 1 : included.size() + rows.size() + 1));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> !r.included()).thenComparing(Row::position));
        model.addAttribute("type", ticketType);
        model.addAttribute("rows", rows);
        return "ticket/admin/form-edit";
    }

    @PostMapping("/{type}")
    String save(@PathVariable String type, @RequestParam MultiValueMap<String, String> params,
                @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        TicketTypes.TicketType ticketType = type(type);
        List<Long> chosen = new ArrayList<>();
        for (String id : params.getOrDefault("fieldIds", List.of())) {
            chosen.add(Long.parseLong(id));
        }
        chosen.sort(Comparator.comparing(id -> position(params.getFirst("position-" + id))));
        fields.setForm(type, chosen, me.initiator());
        redirect.addFlashAttribute("flash", "Form of " + ticketType.name() + " saved.");
        return "redirect:/admin/tickets/forms";
    }

    private static int position(String typed) {
        try {
            return typed == null ? Integer.MAX_VALUE : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private TicketTypes.TicketType type(String key) {
        return types.all().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    }
}
