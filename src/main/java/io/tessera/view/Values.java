package io.tessera.view;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** Reading the values of a condition row, with refusals that name the field. */
final class Values {

    /** Tokens that stand for a person or place relative to the viewer, or for nobody. */
    static final String ME = "me";
    static final String MINE = "mine";
    static final String NONE = "none";

    private Values() {
    }

    static <T> Set<T> each(String field, List<String> values, Function<String, T> parse) {
        Set<T> parsed = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                parsed.add(parse.apply(value.strip()));
            } catch (InvalidView e) {
                throw e;
            } catch (RuntimeException e) {
                throw new InvalidView(field, "'" + value.strip() + "' is not a valid " + field + ".");
            }
        }
        require(field, !parsed.isEmpty());
        return parsed;
    }

    static void require(String field, boolean present) {
        if (!present) {
            throw new InvalidView(field, "Give at least one value for " + field + ".");
        }
    }

    static boolean token(String value, String token) {
        return value.strip().toLowerCase(Locale.ROOT).equals(token);
    }

    static long id(String field, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidView(field, "'" + value.strip() + "' is not a valid " + field + " id.");
    }
}
