package io.tessera.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.tessera.sla.CalendarDraft;
import io.tessera.sla.OpeningInterval;
import io.tessera.sla.StoredCalendar;

/**
 * The calendar form: a name, a time zone, one box per weekday with its intervals ("09:00-12:00, 13:00-17:00";
 * empty means closed) and the holidays, one date per line or separated by commas.
 */
record CalendarForm(String name, String zone, List<String> days, String holidays) {

    static CalendarForm blank() {
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.getValue() <= 5 ? "09:00-17:00" : "");
        }
        return new CalendarForm("", "Europe/Berlin", days, "");
    }

    static CalendarForm of(StoredCalendar stored) {
        var c = stored.calendar();
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(c.hours(day).stream().map(OpeningInterval::text).collect(Collectors.joining(", ")));
        }
        return new CalendarForm(c.name(), c.zone().getId(), days,
                c.holidays().stream().sorted().map(LocalDate::toString).collect(Collectors.joining("\n")));
    }

    CalendarDraft draft() {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = days == null || days.size() < day.getValue() ? "" : days.get(day.getValue() - 1);
            List<String> intervals = split(text);
            if (!intervals.isEmpty()) {
                hours.put(day.name().toLowerCase(Locale.ROOT), intervals);
            }
        }
        return new CalendarDraft(name, zone, hours, split(holidays));
    }

    public String day(int index) {
        return days == null || days.size() <= index ? "" : days.get(index);
    }

    private static List<String> split(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\n\\r]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
