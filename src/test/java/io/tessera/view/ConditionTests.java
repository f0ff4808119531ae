package io.tessera.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFixtures;
import io.tessera.ticket.TicketStatus;

/**
 * The condition model compiled to SQL and evaluated in memory agrees, on a small table of varied tickets
 * (nulls included) in an in-memory H2 database, for every example; and rows round-trip through text.
 */
class ConditionTests {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Perspective ME = new Perspective(AgentId.of(7), Set.of(TeamId.of(1), TeamId.of(2)), NOW);

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;
    private static final List<Ticket> TICKETS = new ArrayList<>();

    @BeforeAll
    static void createTickets() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:c" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table ticket (id bigint primary key, subject varchar(500), status varchar(20), priority varchar(20), type varchar(40), "
                + "channel varchar(20), requester_id bigint, organization_id bigint, team_id bigint, assignee_id bigint, "
                + "created_at timestamp with time zone, updated_at timestamp with time zone, solved_at timestamp with time zone, "
                + "status_changed_at timestamp with time zone, sla_due_at timestamp with time zone default timestamp with time zone '9999-12-31 00:00:00+00:00' not null)").update();
        jdbc.sql("create table ticket_tag (ticket_id bigint, tag varchar(60))").update();
        jdbc.sql("create table organization (id bigint primary key, tier varchar(40))").update();
        jdbc.sql("create table customer (id bigint primary key, tier varchar(40), language varchar(35))").update();
        ORGANIZATION_TIERS.forEach((id, tier) -> jdbc.sql("insert into organization values (?, ?)").params(id, tier).update());
        CUSTOMERS.forEach((id, facts) -> jdbc.sql("insert into customer values (?, ?, ?)")
                .params(id, facts.tier(), facts.language()).update());
        jdbc.sql("create table ticket_field_value (ticket_id bigint, field_id bigint, value_key varchar(255))").update();
        FIELD_VALUES.forEach((ticket, options) -> options.forEach(option ->
                jdbc.sql("insert into ticket_field_value values (?, 50, ?)").params(ticket, option).update()));
        add(TicketFixtures.ticket(1, TicketStatus.NEW, Priority.URGENT, "incident", Channel.EMAIL, 100, 10L, 1L, 7L,
                Set.of("vip", "billing"), NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)), null));
        add(TicketFixtures.ticket(2, TicketStatus.OPEN, Priority.HIGH, null, Channel.PHONE, 101, null, 2L, null,
                Set.of("billing"), NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)), null));
        add(TicketFixtures.ticket(3, TicketStatus.PENDING, Priority.NORMAL, "question", Channel.WEB, 100, 10L, 3L, 8L,
                Set.of(), NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(9)), null));
        add(TicketFixtures.ticket(4, TicketStatus.SOLVED, Priority.LOW, "task", Channel.CHAT, 102, 11L, null, 7L,
                Set.of("vip"), NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1))));
        add(TicketFixtures.ticket(5, TicketStatus.CLOSED, Priority.NORMAL, "incident", Channel.API, 103, null, 1L, 9L,
                Set.of("refund", "vip"), NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(31))));
        add(TicketFixtures.ticket(6, TicketStatus.ON_HOLD, Priority.HIGH, null, Channel.SOCIAL, 101, null, null, null,
                Set.of("billing", "refund"), NOW.minus(Duration.ofHours(30)), NOW.minus(Duration.ofHours(20)), null));
        SLA_DUE.forEach((id, due) -> jdbc.sql("update ticket set sla_due_at = ? where id = ?").params(utc(due), id).update());
    }

    @AfterAll
    static void close() {
        dataSource.destroy();
    }

    private static void add(Ticket t) {
        TICKETS.add(t);
        jdbc.sql("insert into ticket (id, subject, status, priority, type, channel, requester_id, organization_id, team_id, "
                        + "assignee_id, created_at, updated_at, solved_at, status_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(t.id().value(), t.subject(), t.status().name(), t.priority().name(), t.type(), t.channel().name(),
                        t.requester().value(), t.organization() == null ? null : t.organization().value(),
                        t.team() == null ? null : t.team().value(), t.assignee() == null ? null : t.assignee().value(),
                        utc(t.createdAt()), utc(t.updatedAt()), utc(t.solvedAt()), utc(t.statusChangedAt()))
                .update();
        t.tags().forEach(tag -> jdbc.sql("insert into ticket_tag values (?, ?)").params(t.id().value(), tag).update());
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    /** Organization 10 is gold, 11 has no tier; customers carry their own tier and language. */
    private static final Map<Long, String> ORGANIZATION_TIERS = new HashMap<>(Map.of(10L, "Gold"));
    static {
        ORGANIZATION_TIERS.put(11L, null);
    }
    private static final Map<Long, TicketFacts> CUSTOMERS = Map.of(100L, new TicketFacts(null, "de-AT", null),
            101L, new TicketFacts("silver", "en", null), 102L, new TicketFacts("gold", null, null), 103L, TicketFacts.NONE);
    /** Ticket 1 is due in an hour, ticket 2 breached an hour ago; the others have no running clock. */
    private static final Map<Long, Instant> SLA_DUE = Map.of(1L, NOW.plus(Duration.ofHours(1)), 2L, NOW.minus(Duration.ofHours(1)));
    /** As RulePerspectives gives them: the organization's tier, else the customer's own. */
    /** Calendar 1 is open now, every other closed. */
    private static final Perspective WITH_FACTS = new Perspective(ME.me(), ME.myTeams(), NOW, ticket -> Map.of(), ticket -> {
        TicketFacts customer = CUSTOMERS.get(ticket.requester().value());
        String orgTier = ticket.organization() == null ? null : ORGANIZATION_TIERS.get(ticket.organization().value());
        return new TicketFacts(orgTier != null ? orgTier : customer.tier(), customer.language(),
                SLA_DUE.get(ticket.id().value()));
    }, (calendar, at) -> calendar == 1 && at.equals(NOW));

    static List<Object[]> requesterExamples() {
        return List.of(
                ex(all(row("tier", "is", "GOLD")), 1, 3, 4),
                ex(all(row("tier", "is", "none")), 5),
                ex(all(row("tier", "not_in", "gold")), 2, 5, 6),
                ex(all(row("tier", "in", "silver", "none")), 2, 5, 6),
                ex(all(row("language", "is", "de")), 1, 3),
                ex(all(row("language", "is", "DE-at")), 1, 3),
                ex(all(row("language", "is", "none")), 4, 5),
                ex(all(row("language", "not_in", "de")), 2, 4, 5, 6),
                ex(all(row("language", "is", "en-GB"))),
                ex(all(row("tier", "is", "gold"), row("priority", "is", "urgent")), 1),
                ex(all(row("sla", "less_than", "2h")), 1, 2),
                ex(all(row("sla", "less_than", "30m")), 2),
                ex(all(row("sla", "is", "breached")), 2),
                ex(all(row("sla", "is", "running")), 1),
                ex(all(row("sla", "in", "none", "breached")), 2, 3, 4, 5, 6),
                ex(all(row("sla", "is_not", "none")), 1, 2),
                ex(all(row("business_hours", "is", "1"), row("priority", "is", "urgent")), 1),
                ex(all(row("business_hours", "is", "2"))),
                ex(all(row("business_hours", "is_not", "2"), row("tier", "is", "silver")), 2, 6));
    }

    @ParameterizedTest
    @MethodSource("requesterExamples")
    void ticketFactsInSqlAndMemoryAgree(Conditions conditions, Set<Long> expected) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        conditions.toFilter(WITH_FACTS).appendTo(sql, params);
        Set<Long> bySql = new TreeSet<>(jdbc.sql(sql.toString()).params(params).query(Long.class).list());
        Set<Long> inMemory = new TreeSet<>(TICKETS.stream().filter(t -> conditions.matches(t, WITH_FACTS)).map(t -> t.id().value()).toList());

        assertThat(inMemory).as("in memory").isEqualTo(expected);
        assertThat(bySql).as("SQL: " + sql).isEqualTo(expected);
    }

    /** A multi-select (field id 50) as TicketFields.valuesOf gives it: tickets 1, 2 and 4 have options. */
    private static final Map<Long, List<String>> FIELD_VALUES = Map.of(1L, List.of("Mail", "Chat"), 2L, List.of("Voice"),
            4L, List.of("Chat"));
    private static final Perspective WITH_FIELDS = new Perspective(ME.me(), ME.myTeams(), NOW,
            ticket -> FIELD_VALUES.containsKey(ticket.value()) ? Map.of("modules", FIELD_VALUES.get(ticket.value())) : Map.of());

    static List<Object[]> fieldExamples() {
        return List.of(
                ex(modules(Operator.IS, false, "Chat"), 1, 4),
                ex(modules(Operator.IN, false, "Voice", "Mail"), 1, 2),
                ex(modules(Operator.NOT_IN, false, "Chat"), 2, 3, 5, 6),
                ex(modules(Operator.IS, true), 3, 5, 6),
                ex(modules(Operator.IS_NOT, true), 1, 2, 4),
                ex(modules(Operator.IN, true, "Voice"), 2, 3, 5, 6),
                ex(modules(Operator.NOT_IN, true, "Voice"), 1, 4),
                ex(new Conditions(List.of(parse(row("team", "is", "mine"))), List.of(modules(Operator.IS, false, "Chat").all().get(0),
                        parse(row("priority", "is", "high")))), 1, 2));
    }

    /** Built as TicketFields.match would resolve it (the real resolution is CustomFieldConditionIntegrationTests'). */
    private static Conditions modules(Operator operator, boolean none, String... options) {
        List<String> values = new ArrayList<>(List.of(options));
        if (none) {
            values.add("none");
        }
        return new Conditions(List.of(new CustomFieldCondition(operator, new io.tessera.ticket.FieldMatch(50, "modules", "Modules",
                io.tessera.ticket.FieldType.MULTISELECT, values, List.of(options), none))), List.of());
    }

    @ParameterizedTest
    @MethodSource("fieldExamples")
    void customFieldsInSqlAndMemoryAgree(Conditions conditions, Set<Long> expected) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        conditions.toFilter(WITH_FIELDS).appendTo(sql, params);
        Set<Long> bySql = new TreeSet<>(jdbc.sql(sql.toString()).params(params).query(Long.class).list());
        Set<Long> inMemory = new TreeSet<>(TICKETS.stream().filter(t -> conditions.matches(t, WITH_FIELDS)).map(t -> t.id().value()).toList());

        assertThat(inMemory).as("in memory").isEqualTo(expected);
        assertThat(bySql).as("SQL: " + sql).isEqualTo(expected);
        assertThat(sql.toString()).doesNotContain("Chat", "Voice", "Mail", "50");
    }

    @Test
    void customFieldRowsNeedAResolver() {
        assertThatThrownBy(() -> parse(row("field:product", "is", "Cloud"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("field:product");
        assertThat(modules(Operator.IN, true, "Chat").allRows())
                .containsExactly(new ConditionRow("field:modules", "in", List.of("Chat", "none")));
    }

    static List<Object[]> examples() {
        return List.of(
                ex(all(row("status", "in", "new", "open", "pending", "on-hold")), 1, 2, 3, 6),
                ex(all(row("status", "less_than", "solved")), 1, 2, 3, 6),
                ex(all(row("status", "greater_than", "on-hold")), 4, 5),
                ex(all(row("status", "is_not", "closed")), 1, 2, 3, 4, 6),
                ex(all(row("priority", "greater_than", "normal")), 1, 2, 6),
                ex(all(row("priority", "not_in", "high", "urgent")), 3, 4, 5),
                ex(all(row("type", "is", "incident")), 1, 5),
                ex(all(row("type", "is_not", "incident")), 2, 3, 4, 6),
                ex(all(row("type", "is", "none")), 2, 6),
                ex(all(row("type", "not_in", "none", "task")), 1, 3, 5),
                ex(all(row("channel", "in", "email", "phone")), 1, 2),
                ex(all(row("channel", "is_not", "api")), 1, 2, 3, 4, 6),
                ex(all(row("team", "is", "mine")), 1, 2, 5),
                ex(all(row("team", "is_not", "mine")), 3, 4, 6),
                ex(all(row("team", "is", "none")), 4, 6),
                ex(all(row("team", "in", "3", "none")), 3, 4, 6),
                ex(all(row("team", "is_not", "3")), 1, 2, 4, 5, 6),
                ex(all(row("assignee", "is", "me")), 1, 4),
                ex(all(row("assignee", "is", "none")), 2, 6),
                ex(all(row("assignee", "is_not", "me")), 2, 3, 5, 6),
                ex(all(row("assignee", "not_in", "me", "none")), 3, 5),
                ex(all(row("requester", "is", "100")), 1, 3),
                ex(all(row("requester", "not_in", "100", "101")), 4, 5),
                ex(all(row("organization", "is", "10")), 1, 3),
                ex(all(row("organization", "is_not", "10")), 2, 4, 5, 6),
                ex(all(row("organization", "is", "none")), 2, 5, 6),
                ex(all(row("tags", "has_any", "vip", "refund")), 1, 4, 5, 6),
                ex(all(row("tags", "has_all", "billing", "vip")), 1),
                ex(all(row("tags", "has_none", "billing")), 3, 4, 5),
                ex(all(row("subject", "has_any", "TICKET 1", "ticket 6")), 1, 6),
                ex(all(row("subject", "has_all", "ticket", "3")), 3),
                ex(all(row("subject", "has_none", "ticket 2")), 1, 3, 4, 5, 6),
                ex(all(row("subject", "has_any", "%"))),
                ex(all(row("created", "less_than", "24h")), 1),
                ex(all(row("created", "greater_than", "7d")), 3, 4, 5),
                ex(all(row("updated", "less_than", "2d")), 1, 4, 6),
                ex(all(row("solved", "less_than", "7d")), 4),
                ex(all(row("solved", "greater_than", "7d")), 5),
                ex(all(row("status", "is", "pending"), row("status_changed", "greater_than", "3d")), 3),
                ex(all(row("status_changed", "less_than", "2d")), 1, 4, 6),
                ex(all(row("created", "after", "2026-11-01")), 1, 2, 6),
                ex(all(row("updated", "before", "2026-11-09T00:00:00Z")), 2, 3, 5),
                // all + any: unsolved and (urgent or mine)
                ex(new Conditions(List.of(parse(row("status", "less_than", "solved"))),
                        List.of(parse(row("priority", "is", "urgent")), parse(row("team", "is", "3")))), 1, 3),
                // the built-in "Unassigned in my teams"
                ex(all(row("status", "less_than", "solved"), row("assignee", "is", "none"), row("team", "is", "mine")), 2),
                ex(Conditions.NONE, 1, 2, 3, 4, 5, 6));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sqlAndMemoryAgree(Conditions conditions, Set<Long> expected) {
        StringBuilder sql = new StringBuilder("select t.id from ticket t where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        conditions.toFilter(ME).appendTo(sql, params);
        Set<Long> bySql = new TreeSet<>(jdbc.sql(sql.toString()).params(params).query(Long.class).list());
        Set<Long> inMemory = new TreeSet<>(TICKETS.stream().filter(t -> conditions.matches(t, ME)).map(t -> t.id().value()).toList());

        assertThat(inMemory).as("in memory").isEqualTo(expected);
        assertThat(bySql).as("SQL: " + sql).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void rowsRoundTrip(Conditions conditions, Set<Long> expected) {
        Conditions again = Conditions.parse(conditions.allRows(), conditions.anyRows());
        assertThat(again).isEqualTo(conditions);
    }

    @Test
    void valuesNeverBecomeSqlText() {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        all(row("type", "is", "x'; drop table ticket; --")).toFilter(ME).appendTo(sql, params);
        assertThat(sql.toString()).doesNotContain("drop").contains(":vc0");
    }

    @Test
    void refusalsNameTheField() {
        assertThatThrownBy(() -> parse(row("status", "is", "bogus"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("status");
        assertThatThrownBy(() -> parse(row("team", "less_than", "1"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("team");
        assertThatThrownBy(() -> parse(row("created", "less_than", "soon"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("created");
        assertThatThrownBy(() -> parse(row("color", "is", "red"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("color");
        assertThatThrownBy(() -> parse(row("priority", "less_than", "low", "high"))).isInstanceOf(InvalidView.class);
        assertThatThrownBy(() -> parse(row("assignee", "is"))).isInstanceOf(InvalidView.class)
                .extracting(e -> ((InvalidView) e).field()).isEqualTo("assignee");
    }

    private static Object[] ex(Conditions conditions, long... ids) {
        Set<Long> expected = new TreeSet<>();
        for (long id : ids) {
            expected.add(id);
        }
        return new Object[] {conditions, expected};
    }

    private static Conditions all(ConditionRow... rows) {
        return Conditions.parse(List.of(rows), List.of());
    }

    private static Condition parse(ConditionRow row) {
        return Conditions.parse(row);
    }

    private static ConditionRow row(String field, String operator, String... values) {
        return new ConditionRow(field, operator, List.of(values));
    }
}
