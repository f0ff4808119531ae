package io.tessera.ticket.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketAdministration;
import io.tessera.ticket.TicketAdministration.TagUsage;

/** The tag taxonomy: 100 tags a page in name order with their usage; add, rename (merging) and delete. */
@Controller
@RequestMapping("/admin/tickets/tags")
class TagAdminController {

    private static final int PAGE_SIZE = 100;

    private final TicketAdministration administration;

    TagAdminController(TicketAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    String list(@RequestParam(required = false) String after, Model model) {
        return page(model, after, "", Map.of());
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String tag, Model model, @AuthenticationPrincipal SignedInAgent me,
               RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("flash", "Tag " + administration.addTag(tag, me.initiator()) + " added.");
            return "redirect:/admin/tickets/tags";
        } catch (InvalidTicketChange e) {
            return page(model, null, tag, Map.of("tag", e.getMessage()));
        }
    }

    @PostMapping("/rename")
    String rename(@RequestParam String from, @RequestParam(defaultValue = "") String to,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        try {
            String renamed = administration.renameTag(from, to, me.initiator());
            redirect.addFlashAttribute("flash", "Tag " + from + " renamed to " + renamed + ".");
        } catch (InvalidTicketChange e) {
            redirect.addFlashAttribute("flashError", "Tag " + from + " not renamed: " + e.getMessage());
        }
        return "redirect:/admin/tickets/tags";
    }

    @PostMapping("/delete")
    String delete(@RequestParam String name, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        try {
            administration.deleteTag(name, me.initiator());
            redirect.addFlashAttribute("flash", "Tag " + name + " deleted.");
        } catch (InvalidTicketChange e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/admin/tickets/tags";
    }

    private String page(Model model, String after, String typed, Map<String, String> errors) {
        List<TagUsage> tags = administration.tags(after, PAGE_SIZE + 1);
        model.addAttribute("tags", tags.size() > PAGE_SIZE ? tags.subList(0, PAGE_SIZE) : tags);
        model.addAttribute("next", tags.size() > PAGE_SIZE ? tags.get(PAGE_SIZE - 1).name() : null);
        model.addAttribute("tag", typed);
        model.addAttribute("fieldErrors", errors);
        return "ticket/admin/tags";
    }
}
