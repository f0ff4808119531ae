package io.tessera.routing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Daily working hours in the agent's own time zone, from {@code start} (inclusive) to {@code end}
 * (exclusive). A shift whose end is before its start runs overnight (22:00–06:00). The zone is a region
 * such as {@code Europe/Berlin}, so a shift keeps its local hours across daylight-saving changes.
 */
public record Shift(LocalTime start, LocalTime end, ZoneId zone) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    public Shift {
        if (start == null) {
            throw new InvalidRouting("shift.start", "Give the start of the shift as HH:mm.");
        }
        if (end == null) {
            throw new InvalidRouting("shift.end", "Give the end of the shift as HH:mm.");
        }
        if (zone == null) {
            throw new InvalidRouting("shift.zone", "Give the shift's time zone, e.g. Europe/Berlin.");
        }
        if (start.equals(end)) {
            // Ambiguous (no hours or all day?); no shift at all is how to say "always".
            throw new InvalidRouting("shift.end", "The shift must end at another time than it starts; "
                    + "leave the shift out for an agent who works at any hour.");
        }
    }

    /** Reads {@code "09:00"}, {@code "17:30"} and a zone id; errors name {@code shift.start}, … */
    public static Shift parse(String start, String end, String zone) {
        return new Shift(time("shift.start", start), time("shift.end", end), zoneId(zone));
    }

    public boolean covers(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    public String startText() {
        return HOURS.format(start);
    }

    public String endText() {
        return HOURS.format(end);
    }

    @Override
    public String toString() {
        return startText() + "–" + endText() + " " + zone.getId();
    }

    private static LocalTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip(), HOURS);
        } catch (DateTimeParseException e) {
            throw new InvalidRouting(field, "'" + value + "' is not a time of day as HH:mm (e.g. 09:00).");
        }
    }

    private static ZoneId zoneId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidRouting("shift.zone", "'" + value + "' is not a time zone; use a region such as Europe/Berlin.");
        }
    }
}
