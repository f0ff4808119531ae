package io.tessera.automation.macro.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.tessera.automation.macro.InvalidMacro;
import io.tessera.automation.macro.Macro;
import io.tessera.automation.macro.MacroForbidden;
import io.tessera.automation.macro.MacroNotFound;
import io.tessera.automation.macro.MacroOutcome;
import io.tessera.automation.macro.MacroPreview;
import io.tessera.automation.macro.Macros;
import io.tessera.conversation.MessageFormatting;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.TicketNotFound;

/**
 * Macros where agents use them, with the page's session (the {@code /api/v1} chain takes no session cookie):
 * the ticket page's menu (templates/automation/macro-menu.html: items and the preview, htmx fragments) and
 * its Apply, and the view's bulk bar (templates/automation/macro-bulk.html: the select's options, and
 * applying to the ticked tickets). The ticket and view modules only include the fragments; they know
 * nothing of macros.
 */
@Controller
class MacroApplyController {

    private final Macros macros;
    private final AgentManagement agents;
    private final MessageFormatting formatting;

    MacroApplyController(Macros macros, AgentManagement agents, MessageFormatting formatting) {
        this.macros = macros;
        this.agents = agents;
        this.formatting = formatting;
    }

    @GetMapping("/macros/menu")
    String menu(@RequestParam long ticket, @AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("macros", macros.visibleTo(agents.get(me.id())));
        model.addAttribute("ticketNumber", ticket);
        return "automation/macro-menu :: items";
    }

    /** The preview in the dialog; a refusal is shown there too, as htmx swaps only successful answers. */
    @GetMapping("/macros/{id}/preview")
    String preview(@PathVariable long id, @RequestParam long ticket, @AuthenticationPrincipal SignedInAgent me,
                   Model model) {
        model.addAttribute("macroId", id);
        model.addAttribute("ticketNumber", ticket);
        try {
            MacroPreview preview = macros.preview(id, ticket, agents.get(me.id()));
            model.addAttribute("preview", preview);
            // Shown as the conversation will show it: the same Markdown rendering and sanitiser.
            model.addAttribute("replyHtml", preview.reply() == null ? null : formatting.markdownToHtml(preview.reply()));
            model.addAttribute("noteHtml", preview.note() == null ? null : formatting.markdownToHtml(preview.note()));
        } catch (MacroNotFound | MacroForbidden | TicketNotFound e) {
            model.addAttribute("error", e instanceof MacroForbidden ? e.getMessage() : "There is no such macro or ticket.");
        }
        return "automation/macro-menu :: preview";
    }

    /**
     * Apply from the preview dialog: the dialog's button submits the ticket form here, so the page's version
     * comes along and a ticket changed meanwhile is refused instead of overwritten.
     */
    @PostMapping("/tickets/{number}/macros/{id}/apply")
    String apply(@PathVariable long number, @PathVariable long id, @RequestParam(required = false) Integer version,
                 @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        Macro macro = macros.get(id, agent);
        try {
            macros.apply(id, number, agent, version);
            redirect.addFlashAttribute("flash", "Macro \u201c" + macro.name() + "\u201d applied.");
        } catch (ConcurrentTicketChange e) {
            redirect.addFlashAttribute("flashError", "Macro \u201c" + macro.name() + "\u201d was not applied: the ticket "
                    + "changed while you had it open. Read what changed, then apply it again.");
        } catch (InvalidTicketChange e) {
            redirect.addFlashAttribute("flashError", "Macro \u201c" + macro.name() + "\u201d was not applied: "
                    + e.getMessage());
        }
        return "redirect:/tickets/" + number;
    }

    @GetMapping("/macros/options")
    String options(@AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("macros", macros.visibleTo(agents.get(me.id())));
        return "automation/macro-bulk :: options";
    }

    /**
     * The bulk bar's "Apply macro": its button posts the view's bulk form here (the ticked numbers, the view and
     * page to return to), and the result shows where the bar's other results do.
     */
    @PostMapping("/macros/bulk")
    String bulk(@RequestParam(required = false) Long macro, @RequestParam(name = "tickets", required = false) List<Long> tickets,
                @RequestParam(required = false) Long view, @RequestParam(required = false) String after,
                @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Agent agent = agents.get(me.id());
        try {
            if (macro == null) {
                throw new InvalidMacro("macro", "Choose a macro to apply.");
            }
            String name = macros.get(macro, agent).name();
            List<MacroOutcome> outcomes = macros.applyToMany(macro, tickets, agent);
            redirect.addFlashAttribute("bulkSummary", summary(name, outcomes));
            redirect.addFlashAttribute("bulkFailed", outcomes.stream().anyMatch(o -> !o.applied()));
        } catch (InvalidMacro | MacroNotFound | MacroForbidden e) {
            redirect.addFlashAttribute("bulkSummary", e.getMessage());
            redirect.addFlashAttribute("bulkFailed", true);
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath(view == null ? "/" : "/views/" + view);
        if (after != null && !after.isBlank()) {
            back.queryParam("after", after);
        }
        return "redirect:" + back.toUriString();
    }

    /** "Applied “Spam” to 3 tickets; 1 refused: #1002 Ticket #1002 is closed; …" */
    static String summary(String name, List<MacroOutcome> outcomes) {
        long applied = outcomes.stream().filter(MacroOutcome::applied).count();
        List<MacroOutcome> refused = outcomes.stream().filter(o -> !o.applied()).toList();
        StringBuilder text = new StringBuilder("Applied \u201c").append(name).append("\u201d to ").append(applied)
                .append(applied == 1 ? " ticket" : " tickets");
        if (!refused.isEmpty()) {
            text.append("; ").append(refused.size()).append(" refused: ").append(refused.stream()
                    .map(o -> "#" + o.ticketNumber() + " " + o.reason()).collect(Collectors.joining("; ")));
        }
        return text.append('.').toString().replace("..", ".");
    }
}
