package io.tessera.view;

import java.util.List;
import java.util.Set;

import io.tessera.ticket.Tags;
import io.tessera.ticket.Ticket;

/**
 * Tags: has any of / has all of / has none of. Compiled to {@code exists} over {@code ticket_tag}, which
 * its index {@code (tag, ticket_id)} answers without reading tickets.
 */
public record TagsCondition(Operator operator, Set<String> tags) implements Condition {

    public TagsCondition {
        tags = Set.copyOf(tags);
        if (operator != Operator.HAS_ANY && operator != Operator.HAS_ALL && operator != Operator.HAS_NONE) {
            throw new InvalidView("tags", "Use has any of, has all of or has none of for tags.");
        }
        Values.require("tags", !tags.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        if (operator == Operator.HAS_ALL) {
            return ticket.tags().containsAll(tags);
        }
        boolean any = tags.stream().anyMatch(ticket.tags()::contains);
        return operator == Operator.HAS_ANY ? any : !any;
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        if (operator == Operator.HAS_ALL) {
            String separator = "(";
            for (String tag : tags.stream().sorted().toList()) {
                sql.append(separator).append("exists (select 1 from ticket_tag tt where tt.ticket_id = t.id and tt.tag = ")
                        .bind(tag).append(")");
                separator = " and ";
            }
            sql.append(")");
            return;
        }
        sql.append(operator == Operator.HAS_NONE ? "not " : "")
                .append("exists (select 1 from ticket_tag tt where tt.ticket_id = t.id and ")
                .in("tt.tag", tags.stream().sorted().toList()).append(")");
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("tags", operator, tags.stream().sorted().toList());
    }

    static TagsCondition parse(Operator operator, List<String> values) {
        try {
            return new TagsCondition(operator, Tags.normalize(values));
        } catch (io.tessera.ticket.InvalidTicketChange e) {
            throw new InvalidView("tags", e.getMessage());
        }
    }
}
