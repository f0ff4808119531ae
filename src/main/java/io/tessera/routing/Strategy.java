package io.tessera.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a team's tickets find an agent. Every strategy except {@link #MANUAL} picks only agents who are
 * online, inside their shift and under their capacity (docs/routing.md).
 */
public enum Strategy {

    /** Nobody is picked: agents take tickets from the team's queue themselves. The default. */
    MANUAL("Manual"),
    /** The next available member after the one who got the last ticket, in id order. */
    ROUND_ROBIN("Round robin"),
    /** The available member with the fewest unsolved tickets; ties go round robin. */
    LEAST_LOADED("Least loaded"),
    /** Like least loaded, among the members whose skills cover everything the ticket needs. */
    SKILLS("Skills");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads {@code LEAST_LOADED}, {@code least_loaded} or {@code least-loaded}. */
    public static Strategy parse(String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Strategy strategy : values()) {
            if (strategy.name().equals(wanted)) {
                return strategy;
            }
        }
        throw new InvalidRouting("strategy", "Unknown strategy '" + value + "'. Use one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
