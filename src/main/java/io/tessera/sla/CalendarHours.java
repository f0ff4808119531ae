package io.tessera.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.tessera.view.BusinessHours;

/** The "business hours now" condition's answer, from the saved calendars (cached with the policies). */
@Component
class CalendarHours implements BusinessHours {

    private final PolicyCache cache;

    CalendarHours(PolicyCache cache) {
        this.cache = cache;
    }

    @Override
    public boolean open(long calendarId, Instant at) {
        BusinessCalendar calendar = cache.get().calendars().get(calendarId);
        return calendar != null && calendar.isOpen(at);
    }
}
