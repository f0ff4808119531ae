package io.tessera.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tessera.ticket.Ticket;

/**
 * How long ago something happened, relative to now: "created less than 24h ago", "updated more than 7d
 * ago". Written as {@code 48h} or {@code 7d}. Compiled against a bound time parameter (now minus the age),
 * so the column's index applies.
 */
public record AgeCondition(TimeField field, Operator operator, Duration age) implements Condition {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([hd])");

    public AgeCondition {
        if (operator != Operator.LESS_THAN && operator != Operator.GREATER_THAN) {
            throw new InvalidView(field.key(), "Use less than or greater than with an age such as 24h or 7d.");
        }
        if (age.isNegative() || age.isZero()) {
            throw new InvalidView(field.key(), "Give an age of at least one hour.");
        }
    }

    private Instant threshold(Perspective perspective) {
        return perspective.now().minus(age);
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Instant at = field.of(ticket);
        if (at == null) {
            return false;
        }
        // Less than 7 days old: happened after now - 7d; more than: before it.
        return operator == Operator.LESS_THAN ? at.isAfter(threshold(perspective)) : at.isBefore(threshold(perspective));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        sql.append(field.column()).append(operator == Operator.LESS_THAN ? " > " : " < ")
                .bind(threshold(perspective).atOffset(java.time.ZoneOffset.UTC));
    }

    @Override
    public ConditionRow row() {
        long hours = age.toHours();
        return ConditionRow.of(field.key(), operator, List.of(hours % 24 == 0 ? hours / 24 + "d" : hours + "h"));
    }

    static AgeCondition parse(TimeField field, Operator operator, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidView(field.key(), "Give one age such as 24h or 7d.");
        }
        Matcher m = AGE.matcher(values.get(0).strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidView(field.key(), "'" + values.get(0).strip() + "' is not an age: write hours or days, such as 24h or 7d.");
        }
        long amount = Long.parseLong(m.group(1));
        return new AgeCondition(field, operator, m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount));
    }
}
