package io.tessera.channel.mailbox.web;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.channel.mailbox.AfterImport;
import io.tessera.channel.mailbox.ConnectionCheck;
import io.tessera.channel.mailbox.InvalidMailbox;
import io.tessera.channel.mailbox.Mailbox;
import io.tessera.channel.mailbox.MailboxManagement;
import io.tessera.channel.mailbox.MailboxNotFound;
import io.tessera.channel.mailbox.MailboxProtocol;
import io.tessera.channel.mailbox.MailboxSecurity;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;

/**
 * Admin → Email → Mailboxes: the IMAP/POP3 accounts Tessera polls, each with its status (OK, the last error,
 * never polled, disabled); add, edit, enable/disable, delete, test the connection (also with the settings as
 * typed, before saving) and poll now.
 */
@Controller
@RequestMapping("/admin/email/mailboxes")
class MailboxAdminController {

    private static final String LIST = "redirect:/admin/email/mailboxes";

    private final MailboxManagement mailboxes;
    private final TeamManagement teams;

    MailboxAdminController(MailboxManagement mailboxes, TeamManagement teams) {
        this.mailboxes = mailboxes;
        this.teams = teams;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("mailboxes", mailboxes.list());
        model.addAttribute("teamNames", teamNames());
        model.addAttribute("pollingEnabled", mailboxes.pollingEnabled());
        return "channel/admin/mailboxes";
    }

    @GetMapping("/new")
    String newMailbox(Model model) {
        return form(model, MailboxForm.empty(), null, Map.of(), null);
    }

    @PostMapping
    String create(@ModelAttribute("form") MailboxForm form, Model model, @AuthenticationPrincipal SignedInAgent me,
                  RedirectAttributes redirect) {
        MailboxForm.Read read = form.read();
        if (!read.problems().isEmpty()) {
            return form(model, form, null, read.problems(), null);
        }
        try {
            Mailbox mailbox = mailboxes.create(read.settings(), me.initiator());
            redirect.addFlashAttribute("flash", "Mailbox " + mailbox.name() + " added."
                    + (mailbox.settings().enabled() ? " It is polled in a moment." : ""));
            return LIST;
        } catch (InvalidMailbox e) {
            return form(model, form, null, e.problems(), null);
        }
    }

    /** "Test connection" on the new-mailbox form: the settings as typed, nothing saved. */
    @PostMapping("/test")
    String testNew(@ModelAttribute("form") MailboxForm form, Model model,
                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return testTyped(model, form, null, htmx != null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Mailbox mailbox = get(id);
        return form(model, MailboxForm.of(mailbox.settings()), mailbox, Map.of(), null);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") MailboxForm form, Model model,
                  @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Mailbox mailbox = get(id);
        MailboxForm.Read read = form.read();
        var problems = new java.util.LinkedHashMap<>(read.problems());
        problems.remove("password"); // blank keeps the stored one
        if (!problems.isEmpty()) {
            return form(model, form, mailbox, problems, null);
        }
        try {
            Mailbox saved = mailboxes.update(id, read.settings(), me.initiator());
            redirect.addFlashAttribute("flash", "Mailbox " + saved.name() + " saved.");
            return LIST;
        } catch (InvalidMailbox e) {
            return form(model, form, mailbox, e.problems(), null);
        }
    }

    /** "Test connection" on the edit form: the settings as typed, a blank password meaning the stored one. */
    @PostMapping("/{id}/test-settings")
    String testEdited(@PathVariable long id, @ModelAttribute("form") MailboxForm form, Model model,
                      @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return testTyped(model, form, get(id), htmx != null);
    }

    /** "Test" in the list: the saved settings. */
    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        Mailbox mailbox = get(id);
        ConnectionCheck check = mailboxes.test(id);
        redirect.addFlashAttribute(check.ok() ? "flash" : "flashError", mailbox.name() + ": " + check.message());
        return LIST;
    }

    @PostMapping("/{id}/poll")
    String pollNow(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        String answer = mailboxes.pollNow(id, me.initiator());
        boolean failed = answer.contains(" failed: ");
        redirect.addFlashAttribute(failed ? "flashError" : "flash", answer);
        return LIST;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        mailboxes.setEnabled(id, true, me.initiator());
        redirect.addFlashAttribute("flash", "Mailbox " + get(id).name() + " enabled; it is polled in a moment.");
        return LIST;
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        mailboxes.setEnabled(id, false, me.initiator());
        redirect.addFlashAttribute("flash", "Mailbox " + get(id).name() + " disabled; it is not polled until enabled again.");
        return LIST;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        Mailbox mailbox = get(id);
        mailboxes.delete(id, me.initiator());
        redirect.addFlashAttribute("flash", "Mailbox " + mailbox.name() + " deleted. The mail it brought in stays.");
        return LIST;
    }

    /**
     * Tests the typed settings. From htmx only the result is answered, so the form — and the password typed
     * into it — stays as it is in the browser; without JavaScript the whole form comes back.
     */
    private String testTyped(Model model, MailboxForm form, Mailbox mailbox, boolean fragment) {
        MailboxForm.Read read = form.read();
        var problems = new java.util.LinkedHashMap<>(read.problems());
        if (mailbox != null) {
            problems.remove("password");
        }
        ConnectionCheck check = null;
        if (problems.isEmpty()) {
            try {
                check = mailboxes.test(read.settings(), mailbox == null ? null : mailbox.id());
            } catch (InvalidMailbox e) {
                problems.putAll(e.problems());
            }
        }
        String page = form(model, form, mailbox, problems, check);
        model.addAttribute("tested", true);
        return fragment ? page + " :: check" : page;
    }

    private String form(Model model, MailboxForm form, Mailbox mailbox, Map<String, String> problems, ConnectionCheck check) {
        // A typed password is not rendered back either: secrets never travel from the server to the page.
        model.addAttribute("passwordTyped", form.password() != null && !form.password().isEmpty());
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("fieldErrors", problems);
        model.addAttribute("check", check);
        model.addAttribute("teams", teams.list());
        model.addAttribute("protocols", MailboxProtocol.values());
        model.addAttribute("securities", MailboxSecurity.values());
        model.addAttribute("afterImports", AfterImport.values());
        return "channel/admin/mailbox-form";
    }

    private Map<Long, String> teamNames() {
        return teams.list().stream().collect(Collectors.toMap(t -> t.id().value(), Team::name));
    }

    private Mailbox get(long id) {
        return mailboxes.find(id).orElseThrow(() -> new MailboxNotFound(id));
    }
}
