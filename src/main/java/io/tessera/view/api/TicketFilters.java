package io.tessera.view.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketSort;
import io.tessera.view.ConditionRow;
import io.tessera.view.Conditions;
import io.tessera.view.FieldResolver;
import io.tessera.view.InvalidView;

/**
 * The query parameters of {@code GET /api/v1/tickets} as view conditions: each filter parameter becomes a
 * condition row of the same model views use (several values, repeated or comma-separated, mean "any of";
 * for {@code tag}, "has all of"), all of them required; {@code field.<key>} filters on a custom field ("is any
 * of", {@code none} for no value). Unknown parameters, and {@code field.} with an unknown key, are refused,
 * naming them, so a typo never silently widens a list.
 */
final class TicketFilters {

    /** parameter → condition field and operator. */
    private static final Map<String, String[]> FILTERS = Map.ofEntries(
            Map.entry("status", new String[] {"status", "in"}),
            Map.entry("priority", new String[] {"priority", "in"}),
            Map.entry("type", new String[] {"type", "in"}),
            Map.entry("team", new String[] {"team", "in"}),
            Map.entry("assignee", new String[] {"assignee", "in"}),
            Map.entry("requester", new String[] {"requester", "in"}),
            Map.entry("organization", new String[] {"organization", "in"}),
            Map.entry("tag", new String[] {"tags", "has_all"}),
            Map.entry("channel", new String[] {"channel", "in"}),
            Map.entry("createdAfter", new String[] {"created", "after"}),
            Map.entry("createdBefore", new String[] {"created", "before"}),
            Map.entry("updatedAfter", new String[] {"updated", "after"}),
            Map.entry("updatedBefore", new String[] {"updated", "before"}));

    private static final Set<String> PAGING = Set.of("sort", "limit", "cursor");

    /** {@code field.product=Tessera Cloud}: the custom field {@code product} (a dot, as URLs prefer to a colon). */
    private static final String CUSTOM_FIELD = "field.";

    private TicketFilters() {
    }

    static Conditions conditions(MultiValueMap<String, String> query, FieldResolver fields) {
        List<io.tessera.view.Condition> all = new ArrayList<>();
        for (var entry : query.entrySet()) {
            String parameter = entry.getKey();
            if (PAGING.contains(parameter)) {
                continue;
            }
            String[] target = parameter.startsWith(CUSTOM_FIELD)
                    ? new String[] {"field:" + parameter.substring(CUSTOM_FIELD.length()), "in"} : FILTERS.get(parameter);
            if (target == null) {
                throw new InvalidView(parameter, "Unknown parameter '" + parameter + "'. Filters: "
                        + String.join(", ", FILTERS.keySet().stream().sorted().toList())
                        + ", field.<custom field key>; paging: sort, limit, cursor.");
            }
            List<String> values = entry.getValue().stream()
                    .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) {
                throw new InvalidView(parameter, "Give a value for " + parameter + ".");
            }
            try {
                all.add(Conditions.parse(new ConditionRow(target[0], target[1], values), fields));
            } catch (InvalidView e) {
                throw new InvalidView(parameter, e.getMessage());
            }
        }
        return new Conditions(all, List.of());
    }

    /** {@code updated} ascending, {@code -updated} descending (the default). */
    static TicketOrder order(String sort) {
        String text = sort == null || sort.isBlank() ? "-updated" : sort.strip();
        boolean descending = text.startsWith("-");
        try {
            return new TicketOrder(TicketSort.fromKey(text.replaceFirst("^[-+]", "")), descending);
        } catch (IllegalArgumentException e) {
            throw new InvalidView("sort", "Unknown sort '" + text + "'. Use updated, created, priority or number, with - in front for descending.");
        }
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 25;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidView("limit", "limit must be a number from 1 to 100.");
    }
}
