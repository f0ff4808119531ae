package io.tessera.channel.web;

import java.util.Map;
import java.util.Set;

import io.tessera.channel.outbox.MailTemplates;
import io.tessera.channel.outbox.TicketMailComposer;
import io.tessera.conversation.MessageFormatting;

/**
 * A template filled with made-up values ({@link MailTemplates#sampleValues()}) and rendered as the mail's
 * HTML part would be, plus the placeholders it uses that Tessera does not know: they stay as written in
 * real mail, so the preview names them instead of hiding a typo.
 *
 * @param html sanitised HTML ({@link MessageFormatting#markdownToHtml})
 */
record TemplatePreview(String subject, String html, Set<String> unknownPlaceholders) {

    static TemplatePreview of(MailTemplateForm form, MessageFormatting formatting) {
        Map<String, String> samples = MailTemplates.sampleValues();
        String subject = TicketMailComposer.withTicketTag(MailTemplates.fill(form.subjectOrEmpty(), samples),
                Long.parseLong(samples.get("ticket.number")));
        String html = formatting.markdownToHtml(MailTemplates.fill(form.bodyOrEmpty(), samples));
        return new TemplatePreview(subject, html, MailTemplates.unknownPlaceholders(form.subjectOrEmpty(), form.bodyOrEmpty()));
    }
}
