package io.tessera.automation.canned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.shared.AgentId;

/** Stores canned responses in {@code canned_response}; {@code scope_key} is {@code coalesce(owner_id, 0)} (V17). */
@Repository
class CannedResponseRepository {

    private static final String SELECT = "select id, title, shortcode, body, owner_id, created_at, updated_at from canned_response ";

    private final JdbcClient jdbc;

    CannedResponseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shared ones and this agent's own, by title. */
    List<CannedResponse> visibleTo(AgentId agent) {
        return jdbc.sql(SELECT + "where owner_id is null or owner_id = ? order by lower(title), id")
                .param(agent.value()).query(CannedResponseRepository::row).list();
    }

    Optional<CannedResponse> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(CannedResponseRepository::row).optional();
    }

    /** The agent's personal response with this shortcode, else the shared one: personal shadows shared. */
    Optional<CannedResponse> findByShortcode(String shortcode, AgentId agent) {
        return jdbc.sql(SELECT + "where shortcode = ? and scope_key in (0, ?) order by scope_key desc")
                .params(shortcode, agent.value()).query(CannedResponseRepository::row).list().stream().findFirst();
    }

    /** Whether another response of the same scope already has this shortcode. */
    boolean shortcodeTaken(String shortcode, AgentId owner, Long except) {
        return jdbc.sql("select count(*) from canned_response where shortcode = ? and scope_key = ? and id <> ?")
                .params(shortcode, key(owner), except == null ? -1L : except).query(Long.class).single() > 0;
    }

    long insert(String title, String shortcode, String body, AgentId owner, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into canned_response (title, shortcode, body, owner_id, scope_key, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(title, shortcode, body, owner == null ? null : owner.value(), key(owner), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String title, String shortcode, String body, AgentId owner, Instant now) {
        jdbc.sql("update canned_response set title = ?, shortcode = ?, body = ?, owner_id = ?, scope_key = ?, "
                        + "updated_at = ? where id = ?")
                .params(title, shortcode, body, owner == null ? null : owner.value(), key(owner), utc(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from canned_response where id = ?").param(id).update();
    }

    private static long key(AgentId owner) {
        return owner == null ? 0L : owner.value();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static CannedResponse row(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        boolean shared = rs.wasNull();
        return new CannedResponse(rs.getLong("id"), rs.getString("title"), rs.getString("shortcode"), rs.getString("body"),
                shared ? null : AgentId.of(owner), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
