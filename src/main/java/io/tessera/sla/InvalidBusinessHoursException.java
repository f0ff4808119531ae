package io.tessera.sla;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A calendar that cannot be used: an empty, reversed or overlapping interval (naming the day, so an admin
 * form can point at the row), or no opening hours at all (every deadline would lie at infinity).
 */
public class InvalidBusinessHoursException extends IllegalArgumentException {

    private final DayOfWeek day;

    InvalidBusinessHoursException(String calendar, DayOfWeek day, String problem) {
        super("calendar '" + calendar + "', " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": " + problem);
        this.day = day;
    }

    InvalidBusinessHoursException(String calendar, String problem) {
        super("calendar '" + calendar + "': " + problem);
        this.day = null;
    }

    /** The day whose hours are wrong, or {@code null} when the problem is the calendar as a whole. */
    public DayOfWeek day() {
        return day;
    }
}
