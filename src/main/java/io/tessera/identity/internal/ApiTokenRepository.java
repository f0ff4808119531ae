package io.tessera.identity.internal;

import static io.tessera.identity.internal.Timestamps.fromDb;
import static io.tessera.identity.internal.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.identity.ApiToken;
import io.tessera.shared.AgentId;

/** SQL for {@code api_token}. Tokens are found by the unique index on their SHA-256. */
@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner and last use of an unrevoked token with this hash. */
    public record Match(long tokenId, AgentId agentId, Instant lastUsedAt) {
    }

    public long insert(AgentId agent, String name, String hash, String prefix, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (agent_id, name, token_hash, token_prefix, created_at) values (?, ?, ?, ?, ?)")
                .params(agent.value(), name, hash, prefix, toDb(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<ApiToken> findByAgent(AgentId agent) {
        return jdbc.sql("select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token "
                        + "where agent_id = ? order by revoked_at desc, created_at desc, id desc")
                .param(agent.value()).query(ApiTokenRepository::token).list();
    }

    public Optional<ApiToken> find(AgentId agent, long id) {
        return jdbc.sql("select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token "
                        + "where agent_id = ? and id = ?")
                .params(agent.value(), id).query(ApiTokenRepository::token).optional();
    }

    public Optional<Match> findActiveByHash(String hash) {
        return jdbc.sql("select id, agent_id, last_used_at from api_token where token_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Match(rs.getLong("id"), AgentId.of(rs.getLong("agent_id")), fromDb(rs, "last_used_at")))
                .optional();
    }

    public void revoke(long id, Instant now) {
        jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null").params(toDb(now), id).update();
    }

    public void markUsed(long id, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(toDb(now), id).update();
    }

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                fromDb(rs, "created_at"), fromDb(rs, "last_used_at"), fromDb(rs, "revoked_at"));
    }
}
