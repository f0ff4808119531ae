package io.tessera.channel.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.channel.EmailAdministration;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.OutboundStatus;
import io.tessera.channel.outbox.Outbox;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.identity.SignedInAgent;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;

/**
 * {@code /admin/email/outbox}: every mail Tessera sent or will send, newest first (keyset on id), by status
 * and ticket; one mail's bodies and threading headers; "Send again" for mail that failed or is stuck.
 */
@Controller
@RequestMapping("/admin/email/outbox")
class OutboxAdminController {

    static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final SmtpSettings smtp;
    private final TicketManagement tickets;
    private final EmailAdministration administration;

    OutboxAdminController(Outbox outbox, SmtpSettings smtp, TicketManagement tickets, EmailAdministration administration) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.tickets = tickets;
        this.administration = administration;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String ticket,
                @RequestParam(required = false) Long before, Model model) {
        OutboundStatus wanted = Arrays.stream(OutboundStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status == null ? "" : status.strip())).findFirst().orElse(null);
        String typedTicket = ticket == null ? "" : ticket.strip().replaceFirst("^#", "");
        List<OutboundMail> page = List.of();
        String ticketError = null;
        if (typedTicket.isEmpty()) {
            page = outbox.page(wanted, null, before, PAGE_SIZE + 1);
        } else if (!typedTicket.matches("\\d{1,18}")) {
            ticketError = "A ticket number, e.g. 1042.";
        } else {
            Ticket found = tickets.findByNumber(Long.parseLong(typedTicket)).orElse(null);
            if (found == null) {
                ticketError = "There is no ticket #" + typedTicket + ".";
            } else {
                page = outbox.page(wanted, found.id().value(), before, PAGE_SIZE + 1);
            }
        }
        model.addAttribute("mails", page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page);
        model.addAttribute("nextBefore", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("status", wanted == null ? null : wanted.name().toLowerCase(Locale.ROOT));
        model.addAttribute("statuses", Arrays.stream(OutboundStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        model.addAttribute("ticket", typedTicket);
        model.addAttribute("ticketError", ticketError);
        model.addAttribute("first", before == null);
        model.addAttribute("smtpConfigured", smtp.current().isPresent());
        return "channel/admin/outbox";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        OutboundMail mail = outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mail", mail);
        model.addAttribute("canSendAgain", canSendAgain(mail));
        model.addAttribute("smtpConfigured", smtp.current().isPresent());
        return "channel/admin/outbox-mail";
    }

    @PostMapping("/{id}/send-again")
    String sendAgain(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (administration.sendAgain(id, me.initiator())) {
            redirect.addFlashAttribute("flash", "Mail " + id + " is queued again and goes out with the next run of the sender"
                    + (smtp.current().isPresent() ? "." : ", once an SMTP server is set up."));
        } else {
            redirect.addFlashAttribute("flashError", "Mail " + id + " was not queued again: only failed, retrying or suppressed mail can be.");
        }
        return "redirect:/admin/email/outbox/" + id;
    }

    /** Mail the sender gave up on or is waiting to retry; a suppressed one after its bounce mark was cleared. */
    static boolean canSendAgain(OutboundMail mail) {
        return mail.status() == OutboundStatus.FAILED || mail.status() == OutboundStatus.RETRYING
                || mail.status() == OutboundStatus.SUPPRESSED;
    }
}
