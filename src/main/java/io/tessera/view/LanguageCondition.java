package io.tessera.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.ticket.Ticket;

/**
 * The requester's language as a language tag ({@code de}, {@code pt-BR}), or {@code none}. A value matches its
 * regional forms too: {@code de} matches {@code de-AT}; {@code pt-BR} only itself. Case-insensitive.
 */
public record LanguageCondition(Operator operator, Set<String> languages, boolean none) implements Condition {

    private static final String LANGUAGE_SQL = "(select lower(c.language) from customer c where c.id = t.requester_id)";

    public LanguageCondition {
        languages = Set.copyOf(languages.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
        Membership.negates("language", operator);
        Values.require("language", none || !languages.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        String language = perspective.facts(ticket).language();
        boolean in = language == null ? none : languages.stream().anyMatch(l -> covers(l, language.toLowerCase(Locale.ROOT)));
        return Membership.negates("language", operator) != in;
    }

    private static boolean covers(String wanted, String actual) {
        return actual.equals(wanted) || actual.startsWith(wanted + "-");
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        // The same three cases as in memory: no language (none), or a wanted tag or one of its regional forms.
        boolean negate = Membership.negates("language", operator);
        sql.append(negate ? "not coalesce(" : "coalesce(");
        sql.append("(").append(LANGUAGE_SQL).append(" is null and ").append(none ? "1 = 1" : "1 = 0").append(")");
        for (String language : new TreeSet<>(languages)) {
            sql.append(" or ").append(LANGUAGE_SQL).append(" = ").bind(language)
                    .append(" or ").append(LANGUAGE_SQL).append(" like ").bind(language.replace("%", "").replace("_", "") + "-%");
        }
        sql.append(", false)");
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>();
        if (none) {
            values.add(Values.NONE);
        }
        values.addAll(new TreeSet<>(languages));
        return ConditionRow.of("language", operator, values);
    }

    static LanguageCondition parse(Operator operator, List<String> values) {
        Set<String> languages = new TreeSet<>();
        boolean none = false;
        for (String value : values) {
            if (Values.token(value, Values.NONE)) {
                none = true;
            } else if (!value.isBlank()) {
                if (!value.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                    throw new InvalidView("language", "'" + value + "' is not a language tag such as de or pt-BR.");
                }
                languages.add(value.strip());
            }
        }
        return new LanguageCondition(operator, languages, none);
    }
}
