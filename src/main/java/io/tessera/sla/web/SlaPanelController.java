package io.tessera.sla.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.tessera.identity.SignedInAgent;
import io.tessera.shared.BriefDuration;
import io.tessera.sla.SlaClocks;
import io.tessera.sla.TicketSla;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;

/**
 * The SLA card of the ticket page: each clock with its deadline and state. The ticket page (conversation
 * module, which the SLA module builds on) loads it with htmx, so neither module depends on the other's Java.
 */
@Controller
class SlaPanelController {

    private final TicketAccess access;
    private final SlaClocks clocks;
    private final Clock clock;

    SlaPanelController(TicketAccess access, SlaClocks clocks, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.clock = clock;
    }

    /** A clock as the card shows it: what it measures, when it is due, and how it stands in words. */
    record ClockLine(String label, String state, Instant dueAt, String detail) {
    }

    @GetMapping("/tickets/{number}/sla")
    String panel(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        var sla = clocks.of(ticket.id());
        Instant now = clock.instant();
        model.addAttribute("policy", sla.map(TicketSla::policy).orElse(null));
        model.addAttribute("hasSla", sla.isPresent());
        model.addAttribute("lines", sla.map(s -> s.targets().values().stream().map(t -> line(t, now)).toList())
                .orElse(List.of()));
        return "sla/clocks :: clocks";
    }

    private static ClockLine line(TicketSla.Target t, Instant now) {
        String label = t.metric().label();
        if (t.breached() && t.achieved()) {
            return new ClockLine(label, "breached", null, "met late, breached " + BriefDuration.of(Duration.between(t.breachedAt(), now)) + " ago");
        }
        if (t.achieved()) {
            return new ClockLine(label, "achieved", null, "met");
        }
        if (t.paused()) {
            return new ClockLine(label, "paused", null, t.breached() ? "breached, paused" : "paused while waiting");
        }
        var left = t.left(now);
        if (left.isNegative()) {
            return new ClockLine(label, "breached", t.dueAt(), BriefDuration.of(left) + " overdue");
        }
        return new ClockLine(label, left.toMinutes() < 60 ? "soon" : "ok", t.dueAt(), BriefDuration.of(left) + " left");
    }
}
