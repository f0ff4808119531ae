/**
 * The messages on a ticket: customer messages, public replies and internal notes, each with its author,
 * time and channel. Adding one appends {@code message_added} to the ticket event log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package io.tessera.conversation;
