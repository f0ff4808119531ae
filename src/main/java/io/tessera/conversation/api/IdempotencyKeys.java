package io.tessera.conversation.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.tessera.shared.AgentId;
import io.tessera.shared.TicketId;

/**
 * The {@code Idempotency-Key}s of ticket creation: which ticket a caller's key created, and a hash of the
 * request it came with. A key counts for {@link #VALIDITY}; after that it is forgotten and may be reused.
 * {@link #claim} runs in the transaction that creates the ticket, so the key and the ticket commit
 * together or not at all (a refused request leaves no key behind, and a corrected retry goes through).
 */
@Component
class IdempotencyKeys {

    static final Duration VALIDITY = Duration.ofHours(24);
    static final int MAX_LENGTH = 255;

    /** What a key recorded: the request's hash and the ticket it created. */
    record Recorded(String requestHash, TicketId ticket, int status) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key's record if it was used by this caller within the last 24 hours. */
    Optional<Recorded> find(AgentId caller, String key) {
        return jdbc.sql("select request_hash, ticket_id, response_status from idempotency_key "
                        + "where agent_id = ? and request_key = ? and created_at >= ?")
                .params(caller.value(), key, oldestValid())
                .query((rs, n) -> {
                    long ticket = rs.getLong(2);
                    return new Recorded(rs.getString(1), rs.wasNull() ? null : TicketId.of(ticket), rs.getInt(3));
                })
                .optional();
    }

    /**
     * Claims the key, first thing in the transaction that creates the ticket. A concurrent request with the
     * same key blocks on the unique index until this transaction ends, then fails with a duplicate key
     * (a {@code DataIntegrityViolationException}) before doing any work, instead of creating a second ticket.
     */
    void claim(AgentId caller, String key, String requestHash) {
        jdbc.sql("delete from idempotency_key where agent_id = ? and request_key = ? and created_at < ?")
                .params(caller.value(), key, oldestValid()).update();
        jdbc.sql("insert into idempotency_key (agent_id, request_key, request_hash, response_status, created_at) "
                        + "values (?, ?, ?, 0, ?)")
                .params(caller.value(), key, requestHash, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Records the outcome of a claimed key, in the same transaction. */
    void complete(AgentId caller, String key, TicketId ticket, int status) {
        jdbc.sql("update idempotency_key set ticket_id = ?, response_status = ? where agent_id = ? and request_key = ?")
                .params(ticket.value(), status, caller.value(), key).update();
    }

    /** Forgets expired keys of every caller; cheap (index on created_at), run after each keyed create. */
    void purgeExpired() {
        jdbc.sql("delete from idempotency_key where created_at < ?").param(oldestValid()).update();
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hash(String body) {
        return hash(body.getBytes(StandardCharsets.UTF_8));
    }

    private Object oldestValid() {
        Instant oldest = clock.instant().minus(VALIDITY);
        return oldest.atOffset(ZoneOffset.UTC);
    }
}
