package io.tessera.notification;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.AgentId;

/** Each agent's choice whether notifications also come by email; yes until they say otherwise. */
@Service
@Transactional
public class NotificationPreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean byEmail(AgentId agent) {
        return jdbc.sql("select email from notification_preference where agent_id = ?").param(agent.value())
                .query(Boolean.class).optional().orElse(true);
    }

    public void setByEmail(AgentId agent, boolean email) {
        int updated = jdbc.sql("update notification_preference set email = ?, updated_at = ? where agent_id = ?")
                .params(email, clock.instant().atOffset(ZoneOffset.UTC), agent.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into notification_preference (agent_id, email, updated_at) values (?, ?, ?)")
                    .params(agent.value(), email, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
    }
}
