package io.tessera.channel.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.channel.EmailAdministration;
import io.tessera.channel.InvalidEmailSetting;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.channel.outbox.SmtpTestMail;
import io.tessera.identity.SignedInAgent;

/**
 * {@code /admin/email/smtp}: the server mail leaves through, "Send test mail" to check it at once, and
 * removing it (mail then waits in the outbox). The stored password is never put on the page.
 */
@Controller
@RequestMapping("/admin/email/smtp")
class SmtpAdminController {

    private final SmtpSettings settings;
    private final EmailAdministration administration;

    SmtpAdminController(SmtpSettings settings, EmailAdministration administration) {
        this.settings = settings;
        this.administration = administration;
    }

    @GetMapping
    String show(@AuthenticationPrincipal SignedInAgent me, Model model) {
        return page(model, SmtpForm.of(settings.current().orElse(null)), me.email(), null, Map.of());
    }

    @PostMapping
    String save(@ModelAttribute SmtpForm form, @AuthenticationPrincipal SignedInAgent me, Model model,
                RedirectAttributes redirect) {
        try {
            administration.saveSmtp(form.toServer(), form.removesPassword(), me.initiator());
            redirect.addFlashAttribute("flash", "SMTP settings saved. Queued mail goes out with the sender's next run.");
            return "redirect:/admin/email/smtp";
        } catch (InvalidEmailSetting e) {
            return page(model, form.withoutPassword(), me.email(), null, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/test")
    String test(@RequestParam(defaultValue = "") String testTo, @AuthenticationPrincipal SignedInAgent me, Model model) {
        SmtpForm saved = SmtpForm.of(settings.current().orElse(null));
        try {
            SmtpTestMail.Result result = administration.sendTestMail(testTo, me.initiator());
            return page(model, saved, testTo, result, Map.of());
        } catch (InvalidEmailSetting e) {
            return page(model, saved, testTo, null, Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/remove")
    String remove(@AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        administration.removeSmtp(me.initiator());
        redirect.addFlashAttribute("flash", "SMTP settings removed: mail stays queued in the outbox.");
        return "redirect:/admin/email/smtp";
    }

    private String page(Model model, SmtpForm form, String testTo, SmtpTestMail.Result result, Map<String, String> errors) {
        var current = settings.current();
        model.addAttribute("form", form);
        model.addAttribute("configured", current.isPresent());
        model.addAttribute("storedPassword", current.map(SmtpServer::password).isPresent());
        model.addAttribute("securities", SmtpServer.Security.values());
        model.addAttribute("testTo", testTo);
        model.addAttribute("testResult", result);
        model.addAttribute("fieldErrors", errors);
        return "channel/admin/smtp";
    }
}
