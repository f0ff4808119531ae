package io.tessera.shared;

import java.time.Duration;

/**
 * A duration as people read it at a glance in lists and badges: "45 m", "3 h 10 m", "2 d". Rounded up to
 * the minute, so "due in 20 seconds" never reads as "0 m".
 */
public final class BriefDuration {

    private BriefDuration() {
    }

    public static String of(Duration duration) {
        long minutes = Math.max(1, (duration.abs().toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " m";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long rest = minutes % 60;
            return rest == 0 ? hours + " h" : hours + " h " + rest + " m";
        }
        return hours / 24 + " d";
    }
}
