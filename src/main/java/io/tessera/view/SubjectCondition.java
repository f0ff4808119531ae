package io.tessera.view;

import java.util.List;
import java.util.Locale;

import io.tessera.ticket.Ticket;

/**
 * Words in the subject: "subject has any of refund, invoice" (or all of, none of). Case-insensitive and
 * anywhere in the subject ("refund" matches "Refunds please"), the same in SQL ({@code lower(subject) like})
 * and in memory, so a routing trigger and a view agree. Used in a view it reads the subjects of the tickets
 * its other conditions leave; full-text search is the search module's business.
 */
public record SubjectCondition(Operator operator, List<String> words) implements Condition {

    public SubjectCondition {
        if (operator != Operator.HAS_ANY && operator != Operator.HAS_ALL && operator != Operator.HAS_NONE) {
            throw new InvalidView("subject", "Use has any of, has all of or has none of with the words to look for.");
        }
        words = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        Values.require("subject", !words.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        String subject = ticket.subject().toLowerCase(Locale.ROOT);
        return switch (operator) {
            case HAS_ALL -> words.stream().allMatch(subject::contains);
            case HAS_NONE -> words.stream().noneMatch(subject::contains);
            default -> words.stream().anyMatch(subject::contains);
        };
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        String join = operator == Operator.HAS_ALL ? " and " : " or ";
        if (operator == Operator.HAS_NONE) {
            sql.append("not ");
        }
        sql.append("(");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                sql.append(join);
            }
            sql.append("lower(t.subject) like ").bind("%" + escaped(words.get(i)) + "%").append(" escape '\\'");
        }
        sql.append(")");
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("subject", operator, words);
    }

    static SubjectCondition parse(Operator operator, List<String> values) {
        return new SubjectCondition(operator, values);
    }

    /** LIKE's wildcards in a word are meant literally. */
    private static String escaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
