package io.tessera.channel.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import io.tessera.channel.intake.InboundMail;
import io.tessera.channel.intake.InboundMails;
import io.tessera.channel.intake.ProcessedMail;
import io.tessera.identity.SignedInAgent;

/**
 * {@code /admin/email/inbound}: every stored received message, newest first (keyset on id), filtered by
 * status; the failed ones are what an admin comes here for: the error, the original to download, and
 * "Reprocess" once what made it fail is fixed.
 */
@Controller
@RequestMapping("/admin/email")
class InboundMailAdminController {

    static final int PAGE_SIZE = 50;
    /** The failed count stops here ("1000+"): it is a badge, not a report. */
    static final int FAILED_COUNT_CAP = 1000;
    static final List<String> STATUSES = List.of("received", "processed", "ignored", "failed");

    private final InboundMails mails;
    private final EmailAdministration administration;

    InboundMailAdminController(InboundMails mails, EmailAdministration administration) {
        this.mails = mails;
        this.administration = administration;
    }

    @GetMapping
    String start() {
        return "redirect:/admin/email/inbound";
    }

    @GetMapping("/inbound")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Long before, Model model) {
        String wanted = status == null || !STATUSES.contains(status.toLowerCase(Locale.ROOT)) ? null : status.toLowerCase(Locale.ROOT);
        List<InboundMail> page = mails.page(wanted == null ? null : wanted.toUpperCase(Locale.ROOT), before, PAGE_SIZE + 1);
        model.addAttribute("mails", page.size() > PAGE_SIZE ? page.subList(0, PAGE_SIZE) : page);
        model.addAttribute("nextBefore", page.size() > PAGE_SIZE ? page.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("first", before == null);
        long failed = mails.failedCount(FAILED_COUNT_CAP + 1);
        model.addAttribute("failedCount", failed > FAILED_COUNT_CAP ? FAILED_COUNT_CAP + "+" : Long.toString(failed));
        return "channel/admin/inbound";
    }

    @GetMapping("/inbound/{id}")
    String detail(@PathVariable long id, Model model) {
        InboundMail mail = mails.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("mail", mail);
        model.addAttribute("headers", mails.headers(id));
        model.addAttribute("reprocessable", reprocessable(mail));
        return "channel/admin/inbound-mail";
    }

    /** The message exactly as it arrived, as a download: never shown inline, never sniffed into HTML. */
    @GetMapping("/inbound/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable long id) {
        return mails.raw(id).map(raw -> ResponseEntity.ok()
                        .header("Content-Type", "message/rfc822")
                        .header("Content-Disposition", "attachment; filename=\"inbound-" + id + ".eml\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(raw))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/inbound/{id}/reprocess")
    String reprocess(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        mails.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<ProcessedMail> result = administration.reprocess(id, me.initiator());
        if (result.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Mail " + id + " was not reprocessed: only failed or ignored mail can be, "
                    + "and this one is processed or being processed.");
        } else if ("FAILED".equals(result.get().status())) {
            redirect.addFlashAttribute("flashError", "Reprocessed mail " + id + ", and it failed again: " + result.get().note());
        } else {
            InboundMail now = mails.find(id).orElseThrow();
            redirect.addFlashAttribute("flash", "Reprocessed mail " + id + ": " + result.get().status().toLowerCase(Locale.ROOT)
                    + (now.ticketNumber() == null ? "" : " on ticket #" + now.ticketNumber())
                    + (result.get().note() == null ? "." : " — " + result.get().note()));
        }
        return "redirect:/admin/email/inbound/" + id;
    }

    static boolean reprocessable(InboundMail mail) {
        return "FAILED".equals(mail.status()) || "IGNORED".equals(mail.status());
    }
}
