/**
 * In-app notifications for agents: someone {@code @mentioned} you in a note or reply, or assigned a ticket
 * to you. Created from the ticket event log's {@link io.tessera.ticket.TicketEventRecorded} after commit,
 * through the event publication registry (retried until done, never inside the ticket's transaction), and
 * only for agents who may see the ticket. The bell in the navigation bar, {@code /notifications} and
 * {@code /api/v1/notifications}. Depends on conversation, ticket and identity; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.tessera.notification;
