/**
 * The channels tickets arrive by and replies leave through. Its first piece is {@link io.tessera.channel.email}:
 * turning a raw RFC 5322 message into what a help desk needs ({@code MailParser}), recognising machine mail
 * ({@code MachineMail}) and folding quoted replies and signatures ({@code ReplyText}). Intake, threading and
 * the outbox build on it. Nothing depends on this module; it depends on {@code conversation} for the safe
 * rendering of message bodies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package io.tessera.channel;
