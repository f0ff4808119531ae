package io.tessera.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;

/**
 * Records audited events and reads them back newest first, a page at a time (keyset on id, so the
 * thousandth page costs what the first does).
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Synchronous on purpose: the audit line commits with the change or not at all. */
    @EventListener
    @Transactional
    void on(AuditableEvent event) {
        AuditRecord record = event.audit();
        jdbc.sql("insert into audit_event (occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, summary) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(clock.instant().atOffset(ZoneOffset.UTC), record.by().actor().type().name(), record.by().actor().id(),
                        record.by().name(), record.action(), record.subjectType(), record.subjectId(), record.summary())
                .update();
    }

    /** Up to {@code limit} entries older than {@code beforeId} (all newest when {@code null}), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> page(Long beforeId, int limit) {
        return jdbc.sql("select id, occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, summary "
                        + "from audit_event where id < ? order by id desc fetch first ? rows only")
                .params(beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query(AuditTrail::entry).list();
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        long actorId = rs.getLong("actor_id");
        Long id = rs.wasNull() ? null : actorId;
        long subject = rs.getLong("subject_id");
        Long subjectId = rs.wasNull() ? null : subject;
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                Actor.of(Actor.Type.valueOf(rs.getString("actor_type")), id), rs.getString("actor_name"),
                rs.getString("action"), rs.getString("subject_type"), subjectId, rs.getString("summary"));
    }
}
