package io.tessera.view;

import java.util.List;
import java.util.Set;

import io.tessera.ticket.Channel;
import io.tessera.ticket.Ticket;

/** The channel a ticket came from: is / is not / any of / none of. */
public record ChannelCondition(Operator operator, Set<Channel> values) implements Condition {

    public ChannelCondition {
        values = Set.copyOf(values);
        Membership.negates("channel", operator);
        Values.require("channel", !values.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return Membership.matches(ticket.channel(), values, false, Membership.negates("channel", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.channel", values.stream().map(Enum::name).sorted().toList(), false,
                Membership.negates("channel", operator));
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("channel", operator, values.stream().sorted().map(Channel::key).toList());
    }

    static ChannelCondition parse(Operator operator, List<String> values) {
        return new ChannelCondition(operator, Values.each("channel", values, Channel::fromKey));
    }
}
