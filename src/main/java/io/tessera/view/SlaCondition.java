package io.tessera.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketDeadlines;

/**
 * The ticket's SLA state, from its next running deadline ({@code ticket.sla_due_at}, docs/sla.md): "sla less
 * than 2h" (due within two hours, breached ones included), or "sla is breached / running / none". Indexed
 * ({@code ticket_sla_due_idx}), so "breached" is a cheap view at any size.
 */
public record SlaCondition(Operator operator, Set<String> states, Duration within) implements Condition {

    private static final Set<String> STATES = Set.of("breached", "running", "none");

    public SlaCondition {
        states = Set.copyOf(states);
        if (within == null) {
            Membership.negates("sla", operator);
            Values.require("sla", !states.isEmpty());
        } else if (operator != Operator.LESS_THAN) {
            throw new InvalidView("sla", "Use less than with a time such as 2h, or is breached, running or none.");
        }
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Instant due = perspective.facts(ticket).slaDueAt();
        Instant now = perspective.now();
        if (within != null) {
            return due != null && due.isBefore(now.plus(within));
        }
        boolean in = states.stream().anyMatch(state -> switch (state) {
            case "breached" -> due != null && due.isBefore(now);
            case "running" -> due != null && !due.isBefore(now);
            default -> due == null;
        });
        return Membership.negates("sla", operator) != in;
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Instant now = perspective.now();
        if (within != null) {
            sql.append("t.sla_due_at < ").bind(now.plus(within).atOffset(ZoneOffset.UTC));
            return;
        }
        sql.append(Membership.negates("sla", operator) ? "not (" : "(");
        String separator = "";
        for (String state : new TreeSet<>(states)) {
            sql.append(separator);
            switch (state) {
                case "breached" -> sql.append("t.sla_due_at < ").bind(now.atOffset(ZoneOffset.UTC));
                case "running" -> sql.append("(t.sla_due_at >= ").bind(now.atOffset(ZoneOffset.UTC))
                        .append(" and t.sla_due_at < ").bind(TicketDeadlines.NONE.atOffset(ZoneOffset.UTC)).append(")");
                default -> sql.append("t.sla_due_at >= ").bind(TicketDeadlines.NONE.atOffset(ZoneOffset.UTC));
            }
            separator = " or ";
        }
        sql.append(")");
    }

    @Override
    public ConditionRow row() {
        if (within != null) {
            long minutes = within.toMinutes();
            return ConditionRow.of("sla", operator, List.of(minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m"));
        }
        return ConditionRow.of("sla", operator, List.copyOf(new TreeSet<>(states)));
    }

    static SlaCondition parse(Operator operator, List<String> values) {
        if (operator == Operator.LESS_THAN) {
            if (values.size() != 1 || !values.get(0).strip().toLowerCase(Locale.ROOT).matches("\\d{1,5}\\s*[mhd]")) {
                throw new InvalidView("sla", "Give one time such as 30m, 2h or 1d.");
            }
            String v = values.get(0).strip().toLowerCase(Locale.ROOT).replace(" ", "");
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            Duration within = switch (v.charAt(v.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (within.isZero()) {
                throw new InvalidView("sla", "Give a time of at least a minute.");
            }
            return new SlaCondition(operator, Set.of(), within);
        }
        Set<String> states = new TreeSet<>();
        for (String value : values) {
            String state = value.strip().toLowerCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                throw new InvalidView("sla", "Unknown SLA state '" + value + "'. Use breached, running or none.");
            }
            states.add(state);
        }
        return new SlaCondition(operator, states, null);
    }
}
