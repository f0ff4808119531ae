package io.tessera.customer;

import static java.time.ZoneOffset.UTC;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.internal.TimeKey;
import io.tessera.identity.TicketScope;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/**
 * The tickets a customer raised and the tickets of an organization, newest first, a page at a time
 * (indexes {@code ticket_requester_created_idx} and {@code ticket_organization_created_idx}). Reads the
 * ticket table directly because the ticket module depends on this one, not the other way round.
 */
@Service
@Transactional(readOnly = true)
public class CustomerTickets {

    private static final String SELECT = "select t.id, t.number, t.subject, t.status, t.priority, c.name as requester_name, "
            + "tm.name as team_name, a.name as assignee_name, t.created_at, t.updated_at "
            + "from ticket t join customer c on c.id = t.requester_id "
            + "left join team tm on tm.id = t.team_id left join agent a on a.id = t.assignee_id ";

    private final JdbcClient jdbc;

    CustomerTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every ticket the customer raised that the viewer may see. */
    public CursorPage<RaisedTicket> raisedBy(CustomerId customer, TicketScope viewer, String cursor, int limit) {
        return page("t.requester_id", customer.value(), viewer, cursor, limit);
    }

    /** The organization's tickets that the viewer may see. */
    public CursorPage<RaisedTicket> ofOrganization(OrganizationId organization, TicketScope viewer, String cursor,
                                                   int limit) {
        return page("t.organization_id", organization.value(), viewer, cursor, limit);
    }

    private CursorPage<RaisedTicket> page(String column, long id, TicketScope viewer, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where ").append(column).append(" = :owner ");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", id);
        viewer.restrict(sql, params);
        TimeKey after = TimeKey.parse(cursor);
        if (after != null) {
            // The first comparison is implied by the second but lets PostgreSQL start the index scan at the
            // cursor instead of filtering out the earlier pages (see TicketQueries.page).
            sql.append("and t.created_at <= :createdAt ");
            sql.append("and (t.created_at < :createdAt or (t.created_at = :createdAt and t.id < :afterId)) ");
            params.put("createdAt", after.at().atOffset(UTC));
            params.put("afterId", after.id());
        }
        sql.append("order by t.created_at desc, t.id desc fetch first ").append(limit + 1).append(" rows only");
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(CustomerTickets::row).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.get(limit - 1);
            next = new TimeKey(last.ticket().createdAt(), last.id()).encode();
        }
        return new CursorPage<>(rows.stream().map(Row::ticket).toList(), next);
    }

    private record Row(long id, RaisedTicket ticket) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), new RaisedTicket(rs.getLong("number"), rs.getString("subject"),
                rs.getString("status"), rs.getString("priority"), rs.getString("requester_name"),
                rs.getString("team_name"), rs.getString("assignee_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
    }
}
