package io.tessera.view;

import java.util.EnumSet;
import java.util.Set;

/**
 * Status categories and priorities are ordered (new &lt; open &lt; pending &lt; on-hold &lt; solved &lt; closed;
 * low &lt; … &lt; urgent), so "less than solved" means something. Every operator resolves to the set of values
 * it selects, which compiles to an indexable {@code in (…)} and is tested in memory by membership.
 */
final class Ordered {

    private Ordered() {
    }

    static <E extends Enum<E>> Set<E> select(String field, Operator operator, Set<E> values, Class<E> type) {
        if (values.isEmpty()) {
            throw new InvalidView(field, "Choose at least one " + field + ".");
        }
        EnumSet<E> chosen = EnumSet.copyOf(values);
        switch (operator) {
            case IS, IN:
                return chosen;
            case IS_NOT, NOT_IN:
                return EnumSet.complementOf(chosen);
            case LESS_THAN, GREATER_THAN: {
                if (chosen.size() != 1) {
                    throw new InvalidView(field, "Compare " + field + " with exactly one value.");
                }
                int pivot = chosen.iterator().next().ordinal();
                EnumSet<E> selected = EnumSet.noneOf(type);
                for (E value : type.getEnumConstants()) {
                    if (operator == Operator.LESS_THAN ? value.ordinal() < pivot : value.ordinal() > pivot) {
                        selected.add(value);
                    }
                }
                return selected;
            }
            default:
                throw new InvalidView(field, "Use is, is not, is any of, is none of, less than or greater than for " + field + ".");
        }
    }
}
