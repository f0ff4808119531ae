/**
 * Email as a channel: parsing raw messages ({@link io.tessera.channel.email.MailParser} into
 * {@link io.tessera.channel.email.ParsedMail}), machine-mail classification
 * ({@link io.tessera.channel.email.MachineMail}) and reply folding ({@link io.tessera.channel.email.ReplyText}).
 * See docs/email-parsing.md.
 */
@org.springframework.modulith.NamedInterface("email")
package io.tessera.channel.email;
