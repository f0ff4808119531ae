package io.tessera.channel.outbox;

/**
 * An editable template of automatic mail: subject and a Markdown body with {@code {{placeholders}}}
 * (see {@link MailTemplates#PLACEHOLDERS}). {@code custom} says whether an admin changed it.
 */
public record MailTemplate(String key, String subject, String body, boolean custom) {
}
