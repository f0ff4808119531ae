package io.tessera.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Initiator;

/**
 * The saved business-hours calendars SLA policies measure their business-time targets on. A calendar in
 * use by a policy cannot be deleted (the policy's deadlines would lose their meaning).
 */
@Service
@Transactional
public class BusinessCalendars {

    private final SlaRepository repository;
    private final PolicyCache cache;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BusinessCalendars(SlaRepository repository, PolicyCache cache, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StoredCalendar> list() {
        return repository.calendars();
    }

    @Transactional(readOnly = true)
    public StoredCalendar get(long id) {
        return repository.calendar(id).orElseThrow(() -> new SlaNotFound("calendar", id));
    }

    public StoredCalendar create(CalendarDraft draft, Initiator by) {
        BusinessCalendar calendar = check(draft, null);
        long id = repository.insertCalendar(calendar, clock.instant());
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.calendar.created", "business_calendar", id, calendar.name(), by));
        return get(id);
    }

    public StoredCalendar update(long id, CalendarDraft draft, Initiator by) {
        BusinessCalendar calendar = check(draft, id);
        if (!repository.updateCalendar(id, calendar, clock.instant())) {
            throw new SlaNotFound("calendar", id);
        }
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.calendar.updated", "business_calendar", id, calendar.name(), by));
        return get(id);
    }

    public void delete(long id, Initiator by) {
        StoredCalendar calendar = get(id);
        if (repository.calendarInUse(id)) {
            throw new InvalidSla("id", "Calendar '" + calendar.calendar().name()
                    + "' is used by an SLA policy; give the policy another calendar first.");
        }
        repository.deleteCalendar(id);
        cache.invalidate();
        events.publishEvent(new SlaChanged("sla.calendar.deleted", "business_calendar", id, calendar.calendar().name(), by));
    }

    private BusinessCalendar check(CalendarDraft draft, Long id) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidSla("name", "Give the calendar a name of at most 100 characters.");
        }
        if (repository.calendarNameTaken(name, id)) {
            throw new InvalidSla("name", "There is already a calendar named '" + name + "'.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(draft.zone() == null ? "" : draft.zone().strip());
        } catch (DateTimeException e) {
            throw new InvalidSla("zone", "Unknown time zone '" + draft.zone() + "'. Use a name such as Europe/Berlin.");
        }
        var builder = BusinessCalendar.builder(name, zone);
        Map<String, List<String>> hours = draft.hours() == null ? Map.of() : draft.hours();
        for (var day : hours.entrySet()) {
            DayOfWeek dayOfWeek;
            try {
                dayOfWeek = DayOfWeek.valueOf(day.getKey().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSla("hours." + day.getKey(), "Unknown day '" + day.getKey() + "'. Use monday … sunday.");
            }
            try {
                builder.open(dayOfWeek, (day.getValue() == null ? List.<String>of() : day.getValue()).toArray(String[]::new));
            } catch (InvalidBusinessHoursException e) {
                throw new InvalidSla("hours." + day.getKey(), e.getMessage());
            }
        }
        List<String> holidays = draft.holidays() == null ? List.of() : draft.holidays();
        for (int i = 0; i < holidays.size(); i++) {
            try {
                builder.holiday(LocalDate.parse(holidays.get(i).strip()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw new InvalidSla("holidays[" + i + "]", "Write holidays as dates like 2026-12-25.");
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSla("hours", e.getMessage());
        }
    }
}
