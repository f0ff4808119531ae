package io.tessera.view;

import io.tessera.ticket.Ticket;

/**
 * One condition of a view (or, later, a trigger). Each kind is a record that both compiles itself to SQL
 * over the ticket {@code t} and evaluates itself against a {@link Ticket}; the two must agree, which
 * {@code ConditionTests} checks on examples ({@code CustomFieldConditionIntegrationTests} for custom fields).
 */
public sealed interface Condition permits StatusCondition, PriorityCondition, TypeCondition, ChannelCondition,
        TeamCondition, AssigneeCondition, RequesterCondition, OrganizationCondition, TagsCondition, AgeCondition,
        TimeCondition, CustomFieldCondition, SubjectCondition, TierCondition, LanguageCondition,
        SlaCondition, BusinessHoursCondition {

    boolean matches(Ticket ticket, Perspective perspective);

    /** Appends one boolean SQL expression (no leading {@code and}). */
    void toSql(SqlWriter sql, Perspective perspective);

    ConditionRow row();
}
