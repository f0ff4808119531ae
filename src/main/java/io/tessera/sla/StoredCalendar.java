package io.tessera.sla;

/** A business-hours calendar as saved, with its id. */
public record StoredCalendar(long id, BusinessCalendar calendar) {
}
