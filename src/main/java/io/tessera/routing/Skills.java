package io.tessera.routing;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Skills as routing compares them: lower-case words of letters, digits and {@code : _ . + -}, such as
 * {@code billing} or {@code lang:de}. Comparing normalised words means "Billing" in a rule finds the agent
 * whose admin typed "billing".
 */
final class Skills {

    static final int MAX_LENGTH = 60;
    static final int MAX_PER_AGENT = 100;

    private static final Pattern WORD = Pattern.compile("[\\p{Ll}\\p{Lo}0-9][\\p{Ll}\\p{Lo}0-9:_.+-]*");

    private Skills() {
    }

    /** An admin's list: every entry must be a valid skill. */
    static Set<String> checked(Collection<String> skills) {
        if (skills == null) {
            throw new InvalidRouting("skills", "Give the skills as a list, e.g. [\"billing\", \"lang:de\"]; [] for none.");
        }
        Set<String> clean = new TreeSet<>();
        for (String skill : skills) {
            String word = normalize(skill);
            if (word.isEmpty() || word.length() > MAX_LENGTH || !WORD.matcher(word).matches()) {
                throw new InvalidRouting("skills", "'" + skill + "' is not a skill: use a word of at most " + MAX_LENGTH
                        + " letters, digits and : _ . + - (e.g. billing, lang:de).");
            }
            clean.add(word);
        }
        if (clean.size() > MAX_PER_AGENT) {
            throw new InvalidRouting("skills", "Give an agent at most " + MAX_PER_AGENT + " skills.");
        }
        return clean;
    }

    /** What a ticket needs, from code rather than a person: blanks are dropped instead of refused. */
    static Set<String> required(Collection<String> skills) {
        Set<String> clean = new TreeSet<>();
        if (skills != null) {
            skills.stream().map(Skills::normalize).filter(s -> !s.isEmpty()).forEach(clean::add);
        }
        return clean;
    }

    private static String normalize(String skill) {
        return skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
    }
}
