package io.tessera.channel.web;

import io.tessera.channel.outbox.MailTemplate;

/** A mail template's subject and Markdown body as typed. */
record MailTemplateForm(String subject, String body) {

    static MailTemplateForm of(MailTemplate template) {
        return new MailTemplateForm(template.subject(), template.body());
    }

    String subjectOrEmpty() {
        return subject == null ? "" : subject;
    }

    String bodyOrEmpty() {
        return body == null ? "" : body;
    }
}
