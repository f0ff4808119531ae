/**
 * The ticket: number, subject, status, priority, channel, requester, team, assignee, and the ticket event
 * log ({@link io.tessera.ticket.TicketEventLog}) that records every change with its actor. This first slice
 * holds what the workspace and the demo data need; the full aggregate grows with the tickets issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticket")
package io.tessera.ticket;
