/**
 * SLA: business-hours calendars ({@link io.tessera.sla.BusinessCalendar}, saved through
 * {@link io.tessera.sla.BusinessCalendars}), policies chosen by conditions with first-response,
 * next-response and resolution targets per priority ({@link io.tessera.sla.SlaPolicies}), each ticket's
 * clocks kept in step with it inside its transaction (pause while pending or on hold, deadlines moved on
 * resume, recalculated on priority or policy change), and the scanner that records warnings and breaches
 * once each ({@link io.tessera.sla.SlaScanner}). The next deadline is written to the ticket row
 * ({@link io.tessera.ticket.TicketDeadlines}) for views; the API's {@code sla} object comes from
 * {@link io.tessera.sla.SlaClocks}. Depends on ticket (the aggregate, its rules hook and event log) and view
 * (the condition model). docs/sla.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.tessera.sla;
