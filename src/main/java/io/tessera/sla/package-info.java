/**
 * SLA: the business-hours arithmetic every SLA deadline depends on. A {@link io.tessera.sla.BusinessCalendar}
 * (weekly opening hours, a time zone, holidays) answers whether an instant is within business hours, when
 * the next opening is, which instant is a given amount of business time after a start (a deadline), and how
 * much business time lies between two instants (what a paused SLA clock has used). Policies, stored
 * deadlines, pause/resume and the breach scanner build on it in later steps. Depends on nothing yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.tessera.sla;
