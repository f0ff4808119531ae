package io.tessera.conversation.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.conversation.MergeResult;
import io.tessera.conversation.TicketMerging;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.ticket.Follower;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.LinkType;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketNotFound;

/**
 * The ticket page's side-panel actions: link and unlink tickets, add and remove followers, merge this
 * ticket into another. Each posts its own small form and comes back to the ticket with what happened; a
 * refusal is shown as an error, and nothing the agent typed in the reply box is involved.
 */
@Controller
class TicketRelationsController {

    private final TicketAccess access;
    private final TicketLinks links;
    private final TicketFollowers followers;
    private final TicketMerging merging;

    TicketRelationsController(TicketAccess access, TicketLinks links, TicketFollowers followers, TicketMerging merging) {
        this.access = access;
        this.links = links;
        this.followers = followers;
        this.merging = merging;
    }

    record LinkForm(String linkType, String linkNumber) {
    }

    record FollowerForm(String followerEmail, String followerName, Long customerId) {
    }

    record MergeForm(String target, Boolean addNote, String note) {
    }

    @PostMapping("/tickets/{number}/links")
    String link(@PathVariable long number, @ModelAttribute LinkForm form, @AuthenticationPrincipal SignedInAgent me,
                RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return act(number, redirect, () -> {
            Ticket other = other(me, form.linkNumber());
            LinkType type = LinkType.fromKey(form.linkType());
            links.link(ticket.id(), type, other.id(), Actor.agent(me.id()));
            return "Linked " + other.display() + " as " + type.label().toLowerCase() + ".";
        });
    }

    @PostMapping("/tickets/{number}/links/remove")
    String unlink(@PathVariable long number, @ModelAttribute LinkForm form, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return act(number, redirect, () -> {
            Ticket other = other(me, form.linkNumber());
            links.unlink(ticket.id(), other.id(), Actor.agent(me.id()));
            return "Removed the link to " + other.display() + ".";
        });
    }

    @PostMapping("/tickets/{number}/followers")
    String follow(@PathVariable long number, @ModelAttribute FollowerForm form, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return act(number, redirect, () -> {
            Follower added = followers.add(ticket.id(), form.followerEmail(), form.followerName(), Actor.agent(me.id()));
            return added.email() + " follows this ticket.";
        });
    }

    @PostMapping("/tickets/{number}/followers/remove")
    String unfollow(@PathVariable long number, @ModelAttribute FollowerForm form, @AuthenticationPrincipal SignedInAgent me,
                    RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return act(number, redirect, () -> {
            if (form.customerId() == null) {
                throw new InvalidTicketChange("customerId", "Choose a follower to remove.");
            }
            followers.remove(ticket.id(), CustomerId.of(form.customerId()), Actor.agent(me.id()));
            return "Follower removed.";
        });
    }

    /** Merges this ticket into the one the agent named; on success the agent lands on the target. */
    @PostMapping("/tickets/{number}/merge")
    String merge(@PathVariable long number, @ModelAttribute MergeForm form, @AuthenticationPrincipal SignedInAgent me,
                 RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        try {
            Ticket target = other(me, form.target());
            String note = Boolean.TRUE.equals(form.addNote()) ? (form.note() == null ? "" : form.note()) : null;
            List<MergeResult> results = merging.merge(List.of(ticket.id()), target.id(), Actor.agent(me.id()), note);
            String refused = results.stream().filter(r -> !r.merged()).map(MergeResult::reason)
                    .collect(Collectors.joining(" "));
            if (!refused.isEmpty()) {
                redirect.addFlashAttribute("flashError", refused);
                return "redirect:/tickets/" + number;
            }
            redirect.addFlashAttribute("flash", "Merged " + ticket.display() + " into " + target.display() + ".");
            return "redirect:/tickets/" + target.number();
        } catch (InvalidTicketChange e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/tickets/" + number;
        }
    }

    private interface Action {
        String run();
    }

    private static String act(long number, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("flash", action.run());
        } catch (InvalidTicketChange e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/tickets/" + number;
    }

    /** The other ticket named in a form: one the agent may see, else a refusal (not a 404 page for a typo). */
    private Ticket other(SignedInAgent me, String typed) {
        long number = TicketNumbers.parse(typed);
        try {
            return access.visibleTicket(me.id(), number);
        } catch (TicketNotFound e) {
            throw new InvalidTicketChange("number", "There is no ticket #" + number + ".");
        }
    }
}
