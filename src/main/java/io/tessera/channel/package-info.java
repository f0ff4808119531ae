/**
 * The channels tickets arrive by and replies leave through; so far email (docs/email.md). Every inbound path
 * ({@code smtp} receiver, {@code mailbox} polling, the MTA pipe in {@code api}) hands raw mail to
 * {@code intake}, which stores it before anything else and then turns it into ticket activity with the parser of
 * {@link io.tessera.channel.email}, the {@code threading} rules and the team rules of {@code settings};
 * {@code outbox} queues and sends what Tessera writes (replies, acknowledgements, agents' notifications). The
 * admin screens are in {@code web} and {@code mailbox.web}. Nothing depends on this module: it listens to the
 * events of conversation and notification and implements conversation's {@code MessageDeliveries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package io.tessera.channel;
