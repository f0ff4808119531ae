package io.tessera.channel.mailbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.shared.TeamId;

/**
 * The {@code mailbox} table: settings, the polling schedule ({@code next_poll_at}) and the claim a poll holds
 * ({@code poll_claimed_until}). Claims are conditional updates, so of several nodes exactly one wins.
 */
@Repository
class Mailboxes {

    private static final String SELECT = "select id, name, protocol, host, port, security, username, password, folder, "
            + "poll_seconds, team_id, support_address, enabled, after_import, last_polled_at, last_success_at, last_error, "
            + "poll_claimed_until from mailbox ";

    private final JdbcClient jdbc;
    private final Clock clock;

    Mailboxes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Mailbox> list() {
        return jdbc.sql(SELECT + "order by lower(name), id").query(this::row).list();
    }

    Optional<Mailbox> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(this::row).optional();
    }

    long insert(MailboxSettings settings) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into mailbox (name, protocol, host, port, security, username, password, folder, poll_seconds, "
                        + "team_id, support_address, enabled, after_import, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(settings.name(), settings.protocol().name(), settings.host(), settings.port(), settings.security().name(),
                        settings.username(), settings.password(), settings.folder(), settings.pollSeconds(), teamId(settings),
                        settings.supportAddress(), settings.enabled(), settings.afterImport().name(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves new settings; the next poll is due at once, so an admin sees at once whether they work. */
    void update(long id, MailboxSettings settings) {
        jdbc.sql("update mailbox set name = ?, protocol = ?, host = ?, port = ?, security = ?, username = ?, password = ?, "
                        + "folder = ?, poll_seconds = ?, team_id = ?, support_address = ?, enabled = ?, after_import = ?, "
                        + "next_poll_at = null where id = ?")
                .params(settings.name(), settings.protocol().name(), settings.host(), settings.port(), settings.security().name(),
                        settings.username(), settings.password(), settings.folder(), settings.pollSeconds(), teamId(settings),
                        settings.supportAddress(), settings.enabled(), settings.afterImport().name(), id)
                .update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update mailbox set enabled = ?, next_poll_at = null where id = ?").params(enabled, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from mailbox where id = ?").param(id).update();
    }

    /** Enabled mailboxes whose time has come and that no poll holds. */
    List<Long> due() {
        OffsetDateTime now = now();
        return jdbc.sql("select id from mailbox where enabled = true and (next_poll_at is null or next_poll_at <= ?) "
                        + "and (poll_claimed_until is null or poll_claimed_until < ?) order by id")
                .params(now, now).query(Long.class).list();
    }

    /**
     * Claims a mailbox for one poll until {@code lease} from now, when it is enabled, due (unless
     * {@code evenIfNotDue}: "Poll now") and not held by another poll. Returns it when this caller won.
     */
    Optional<Mailbox> claim(long id, Duration lease, boolean evenIfNotDue) {
        OffsetDateTime now = now();
        int claimed = jdbc.sql("update mailbox set poll_claimed_until = ? where id = ? and enabled = true "
                        + (evenIfNotDue ? "" : "and (next_poll_at is null or next_poll_at <= ?) ")
                        + "and (poll_claimed_until is null or poll_claimed_until < ?)")
                .params(evenIfNotDue ? List.of(stored(now.toInstant().plus(lease)), id, now)
                        : List.of(stored(now.toInstant().plus(lease)), id, now, now))
                .update();
        return claimed == 1 ? find(id) : Optional.empty();
    }

    /** Ends a poll: releases the claim, records the result and when the next poll is due. */
    void finished(long id, String error, Instant nextPoll) {
        OffsetDateTime now = now();
        jdbc.sql("update mailbox set poll_claimed_until = null, last_polled_at = ?, next_poll_at = ?, last_error = ?, "
                        + "last_success_at = case when ? then ? else last_success_at end where id = ?")
                .params(now, stored(nextPoll), error, error == null, now, id)
                .update();
    }

    private Mailbox row(ResultSet rs, int n) throws SQLException {
        MailboxProtocol protocol = MailboxProtocol.valueOf(rs.getString("protocol"));
        Long team = rs.getObject("team_id", Long.class);
        var settings = new MailboxSettings(rs.getString("name"), protocol, rs.getString("host"), rs.getInt("port"),
                MailboxSecurity.valueOf(rs.getString("security")), rs.getString("username"), rs.getString("password"),
                rs.getString("folder"), rs.getInt("poll_seconds"), team == null ? null : new TeamId(team),
                rs.getString("support_address"), rs.getBoolean("enabled"), AfterImport.valueOf(rs.getString("after_import")));
        Instant claimedUntil = instant(rs, "poll_claimed_until");
        return new Mailbox(rs.getLong("id"), settings, instant(rs, "last_polled_at"), instant(rs, "last_success_at"),
                rs.getString("last_error"), claimedUntil != null && claimedUntil.isAfter(clock.instant()));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /**
     * A time as the database keeps it: H2 rounds to microseconds (possibly up), which would make "due now"
     * a moment later than now. Cut to milliseconds, a stored time is never later than the instant it came from.
     */
    private static OffsetDateTime stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private static Long teamId(MailboxSettings settings) {
        return settings.team() == null ? null : settings.team().value();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
