package io.tessera.view;

import java.time.Instant;

/**
 * Whether a business-hours calendar is open at an instant, for the "business hours now" condition. The SLA
 * module, which owns the calendars and builds on this one, provides it; without it (or for a calendar that
 * does not exist) every calendar counts as closed.
 */
public interface BusinessHours {

    boolean open(long calendarId, Instant at);
}
