package io.tessera.ticket;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;

/**
 * Reading tickets for the workspace: keyset pages ordered by last update (index
 * {@code ticket_status_updated_idx}), filtered by the viewer's {@link Visibility} in SQL, with the
 * requester, team and assignee names joined in the same query.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    /** Every column of {@link TicketSummary}; the joins are on primary keys, so a page costs one index walk. */
    public static final String SELECT = "select t.id, t.number, t.subject, t.status, cs.name as custom_status_name, "
            + "t.priority, t.type, t.channel, t.requester_id, c.name as requester_name, c.email as requester_email, "
            + "t.organization_id, o.name as organization_name, t.team_id, tm.name as team_name, "
            + "t.assignee_id, a.name as assignee_name, t.created_at, t.updated_at, t.first_response_at, t.solved_at, "
            + "t.closed_at, t.version, t.sla_due_at from ticket t join customer c on c.id = t.requester_id "
            + "left join organization o on o.id = t.organization_id left join custom_status cs on cs.id = t.custom_status_id "
            + "left join team tm on tm.id = t.team_id left join agent a on a.id = t.assignee_id ";

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TicketPage page(Visibility viewer, Set<TicketStatus> statuses, String cursor, int size) {
        Set<TicketStatus> wanted = statuses.isEmpty() ? EnumSet.allOf(TicketStatus.class) : statuses;
        TicketFilter byStatus = (sql, params) -> {
            sql.append("and t.status in (:statuses) ");
            params.put("statuses", wanted.stream().map(Enum::name).toList());
        };
        return page(viewer, byStatus, TicketOrder.LAST_UPDATED, cursor, size);
    }

    /**
     * One page of the tickets that match the filter and the viewer may see, in the given order, after the
     * cursor (from the previous page's {@link TicketPage#nextCursor()}; {@code null} for the first page).
     * One query: the keyset is a row-value comparison on the order's indexed key, so a deep page costs
     * the same index walk as the first.
     *
     * @throws IllegalArgumentException for a cursor that is not one of ours or belongs to another order
     */
    public TicketPage page(Visibility viewer, TicketFilter filter, TicketOrder order, String cursor, int size) {
        StringBuilder sql = new StringBuilder(SELECT).append("where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        filter.appendTo(sql, params);
        viewer.restrict(sql, params);
        List<String> key = order.sort().keyColumns();
        Cursor after = Cursor.parse(cursor, order);
        if (after != null) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                names.add(":k" + i);
                params.put("k" + i, after.values().get(i));
            }
            sql.append("and (").append(String.join(", ", key)).append(order.descending() ? ") < (" : ") > (")
                    .append(String.join(", ", names)).append(") ");
            // The leading key's bound is implied by the row comparison, but a plain comparison is what every
            // planner turns into an index condition: with it PostgreSQL starts the scan at the cursor instead of
            // reading and discarding the pages before (at 1M tickets, page 25 of a small team's list read 55,000
            // index entries for its 51 rows; docs/benchmarks.md).
            sql.append("and ").append(key.get(0)).append(order.descending() ? " <= :k0 " : " >= :k0 ");
        }
        String direction = order.descending() ? " desc" : " asc";
        sql.append("order by ").append(String.join(direction + ", ", key)).append(direction)
                .append(" fetch first ").append(size + 1).append(" rows only");
        List<TicketSummary> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(TicketQueries::summary).list());
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = Cursor.after(rows.get(rows.size() - 1), order);
        }
        return new TicketPage(List.copyOf(rows), next);
    }

    /**
     * How many tickets match, counting no further than {@code bound}: the answer is exact below the bound
     * and equals the bound when there are at least that many. The scan stops at the bound, so a count
     * never reads the whole table (docs/adr: bounded view counts).
     */
    public long countUpTo(Visibility viewer, TicketFilter filter, int bound) {
        StringBuilder sql = new StringBuilder("select count(*) from (select 1 as one from ticket t where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        filter.appendTo(sql, params);
        viewer.restrict(sql, params);
        sql.append("fetch first ").append(bound).append(" rows only) bounded");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    public Optional<TicketSummary> findByNumber(Visibility viewer, long number) {
        StringBuilder sql = new StringBuilder(SELECT).append("where t.number = :number ");
        Map<String, Object> params = new HashMap<>();
        params.put("number", number);
        viewer.restrict(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(TicketQueries::summary).optional();
    }

    /**
     * The ticket as its author sees it right after their own change (a create, a split, a move to another
     * team), whether or not it is still in their sight: the caller has already passed {@link TicketAccess}
     * for the change itself.
     */
    public TicketSummary afterOwnChange(TicketId ticket) {
        return jdbc.sql(SELECT + "where t.id = ?").param(ticket.value()).query(TicketQueries::summary).single();
    }

    /** The requester's display name, for timelines. */
    public String requesterName(TicketId ticket) {
        return jdbc.sql("select c.name from ticket t join customer c on c.id = t.requester_id where t.id = ?")
                .param(ticket.value()).query(String.class).single();
    }

    /** Maps a row of {@link #SELECT}, for modules that add their own conditions to it. */
    public static TicketSummary summary(ResultSet rs, int n) throws SQLException {
        TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
        String customStatus = rs.getString("custom_status_name");
        return new TicketSummary(TicketId.of(rs.getLong("id")), rs.getLong("number"), rs.getString("subject"),
                status, customStatus != null ? customStatus : status.label(), Priority.valueOf(rs.getString("priority")),
                rs.getString("type"), Channel.valueOf(rs.getString("channel")),
                CustomerId.of(rs.getLong("requester_id")), rs.getString("requester_name"), rs.getString("requester_email"),
                optionalId(rs, "organization_id", OrganizationId::of), rs.getString("organization_name"),
                optionalId(rs, "team_id", TeamId::of), rs.getString("team_name"),
                optionalId(rs, "assignee_id", AgentId::of), rs.getString("assignee_name"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "first_response_at"),
                instant(rs, "solved_at"), instant(rs, "closed_at"), rs.getInt("version"),
                TicketDeadlines.orNull(instant(rs, "sla_due_at")));
    }

    /**
     * The tags of these tickets in one query (a page of a list, not the whole table), each ticket's tags
     * sorted; tickets without tags are absent from the map.
     */
    public Map<TicketId, List<String>> tagsOf(Collection<TicketId> tickets) {
        if (tickets.isEmpty()) {
            return Map.of();
        }
        Map<TicketId, List<String>> tags = new HashMap<>();
        jdbc.sql("select ticket_id, tag from ticket_tag where ticket_id in (:ids) order by ticket_id, tag")
                .param("ids", tickets.stream().map(TicketId::value).toList())
                .query(rs -> {
                    tags.computeIfAbsent(TicketId.of(rs.getLong(1)), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return tags;
    }

    private static <T> T optionalId(ResultSet rs, String column, LongFunction<T> of) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : of.apply(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Position after the last row of a page: the order it belongs to and that row's key values, opaque to
     * clients (URL-safe Base64 of {@code sort|direction|value|…}).
     */
    record Cursor(List<Object> values) {

        static String after(TicketSummary last, TicketOrder order) {
            StringBuilder raw = new StringBuilder(order.sort().key()).append('|').append(order.descending() ? 'd' : 'a');
            for (Object value : order.sort().keyOf(last)) {
                raw.append('|').append(TicketSort.encode(value));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value, TicketOrder order) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8).split("\\|", -1);
                List<String> key = order.sort().keyColumns();
                if (parts.length != key.size() + 2 || !parts[0].equals(order.sort().key())
                        || !parts[1].equals(order.descending() ? "d" : "a")) {
                    throw new IllegalArgumentException("The cursor belongs to another list or order.");
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < key.size(); i++) {
                    String part = parts[i + 2];
                    values.add(order.sort().isTime(i) ? Instant.parse(part).atOffset(ZoneOffset.UTC) : (Object) Long.parseLong(part));
                }
                return new Cursor(values);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid cursor", e);
            }
        }
    }
}
