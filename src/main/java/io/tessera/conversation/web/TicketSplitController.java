package io.tessera.conversation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageFormatting;
import io.tessera.conversation.MessageKind;
import io.tessera.conversation.TicketSplits;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketNotFound;

/**
 * "Split" on a customer message: a page showing the message and the new ticket's subject, then the new
 * ticket. A message that is not a customer message of this ticket answers 404, like a hidden ticket.
 */
@Controller
class TicketSplitController {

    private final TicketAccess access;
    private final Conversations conversations;
    private final TicketSplits splits;
    private final MessageFormatting formatting;

    TicketSplitController(TicketAccess access, Conversations conversations, TicketSplits splits,
                          MessageFormatting formatting) {
        this.access = access;
        this.conversations = conversations;
        this.splits = splits;
        this.formatting = formatting;
    }

    record SplitForm(String subject) {
    }

    @GetMapping("/tickets/{number}/messages/{messageId}/split")
    String confirm(@PathVariable long number, @PathVariable long messageId, @AuthenticationPrincipal SignedInAgent me,
                   Model model) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return page(ticket, message(ticket, messageId), new SplitForm(ticket.subject()), null, model);
    }

    @PostMapping("/tickets/{number}/messages/{messageId}/split")
    String split(@PathVariable long number, @PathVariable long messageId, @ModelAttribute SplitForm form,
                 @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        Message message = message(ticket, messageId);
        try {
            Ticket created = splits.split(ticket.id(), messageId, form.subject(), Actor.agent(me.id()));
            if (!access.viewer(me.id()).sees(created)) {
                // The origin was visible only because it is assigned to this agent; the new ticket keeps the
                // origin's team but no assignee, so it is outside their sight: stay on the origin and say so.
                redirect.addFlashAttribute("flash", "Split into " + created.display() + " in the origin's team, "
                        + "which you cannot open; it is linked to " + ticket.display() + ".");
                return "redirect:/tickets/" + ticket.number();
            }
            redirect.addFlashAttribute("flash", "Split into " + created.display() + ", related to " + ticket.display() + ".");
            return "redirect:/tickets/" + created.number();
        } catch (InvalidTicketChange e) {
            return page(ticket, message, form, e.getMessage(), model);
        }
    }

    private Message message(Ticket ticket, long messageId) {
        return conversations.messages(ticket.id()).stream()
                .filter(m -> m.id() == messageId && m.kind() == MessageKind.CUSTOMER_MESSAGE)
                .findFirst().orElseThrow(() -> new TicketNotFound(ticket.number()));
    }

    private String page(Ticket ticket, Message message, SplitForm form, String error, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("splitMessage", message);
        model.addAttribute("html", message.format() == BodyFormat.MARKDOWN ? formatting.markdownToHtml(message.body())
                : message.format() == BodyFormat.HTML ? formatting.sanitize(message.body()) : null);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "conversation/split";
    }
}
