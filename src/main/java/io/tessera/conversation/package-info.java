/**
 * The messages on a ticket: customer messages, public replies and internal notes, each with its author,
 * time and channel. Adding one appends {@code message_added} to the ticket event log. Also the files on
 * tickets ({@link io.tessera.conversation.Attachments}, stored once per content on disk) and the safe
 * rendering of message bodies ({@link io.tessera.conversation.MessageFormatting}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package io.tessera.conversation;
