package io.tessera.channel.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.channel.EmailAdministration;
import io.tessera.channel.InvalidEmailSetting;
import io.tessera.channel.outbox.MailTemplate;
import io.tessera.channel.outbox.MailTemplates;
import io.tessera.conversation.MessageFormatting;
import io.tessera.identity.SignedInAgent;

/**
 * {@code /admin/email/templates}: the texts of the mail Tessera writes (acknowledgement, agent reply), edited
 * as Markdown with placeholders, previewed with sample values, and reset to the built-in text.
 */
@Controller
@RequestMapping("/admin/email/templates")
class MailTemplateAdminController {

    /** What each template is for, in the admin's words. */
    static final Map<String, String> LABELS = Map.of(
            MailTemplates.ACKNOWLEDGEMENT, "Acknowledgement — to the requester of a new ticket that arrived by mail",
            MailTemplates.AGENT_REPLY, "Agent reply — wraps every public reply mailed to the requester and followers",
            MailTemplates.AGENT_NOTIFICATION, "Agent notification — to an agent who was mentioned or assigned a ticket");

    private final MailTemplates templates;
    private final EmailAdministration administration;
    private final MessageFormatting formatting;

    MailTemplateAdminController(MailTemplates templates, EmailAdministration administration, MessageFormatting formatting) {
        this.templates = templates;
        this.administration = administration;
        this.formatting = formatting;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("labels", LABELS);
        return "channel/admin/templates";
    }

    @GetMapping("/{key}")
    String edit(@PathVariable String key, Model model) {
        MailTemplate template = template(key);
        return page(model, template, MailTemplateForm.of(template), Map.of());
    }

    @PostMapping("/{key}")
    String save(@PathVariable String key, @ModelAttribute MailTemplateForm form, @AuthenticationPrincipal SignedInAgent me,
                Model model, RedirectAttributes redirect) {
        MailTemplate template = template(key);
        try {
            administration.saveTemplate(key, form.subject(), form.body(), me.initiator());
            redirect.addFlashAttribute("flash", "Template saved: the next " + key + " mail uses it.");
            return "redirect:/admin/email/templates/" + key;
        } catch (InvalidEmailSetting e) {
            return page(model, template, form, Map.of(e.field(), e.getMessage()));
        }
    }

    /** The preview of what is typed: the whole page, or only its preview fragment when htmx asks. */
    @PostMapping("/{key}/preview")
    String preview(@PathVariable String key, @ModelAttribute MailTemplateForm form,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String page = page(model, template(key), form, Map.of());
        return htmx == null ? page : page + " :: preview";
    }

    @PostMapping("/{key}/reset")
    String reset(@PathVariable String key, @AuthenticationPrincipal SignedInAgent me, RedirectAttributes redirect) {
        template(key);
        administration.resetTemplate(key, me.initiator());
        redirect.addFlashAttribute("flash", "Template reset to the built-in text.");
        return "redirect:/admin/email/templates/" + key;
    }

    private MailTemplate template(String key) {
        if (!LABELS.containsKey(key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return templates.get(key);
    }

    private String page(Model model, MailTemplate template, MailTemplateForm form, Map<String, String> errors) {
        model.addAttribute("template", template);
        model.addAttribute("label", LABELS.get(template.key()));
        model.addAttribute("form", form);
        model.addAttribute("preview", TemplatePreview.of(form, formatting));
        model.addAttribute("placeholders", MailTemplates.PLACEHOLDERS);
        model.addAttribute("fieldErrors", errors);
        return "channel/admin/template-edit";
    }
}
