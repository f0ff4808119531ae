package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.testing.DatabaseAvailability;
import io.tessera.testing.ScratchDatabase;

/**
 * V27 cleans up what earlier versions left at rest: sessions created only to remember a failed API call
 * (with its {@code Authorization} header) go entirely, and a saved request in a signed-in session goes,
 * while the rest of that session (the agent stays signed in) and other sessions stay.
 */
@ExtendWith(DatabaseAvailability.class)
class SavedRequestCleanupMigrationIntegrationTests {

    private final ScratchDatabase database = new ScratchDatabase();

    @AfterEach
    void dropSchema() throws SQLException {
        database.drop();
    }

    @Test
    void savedRequestsAndTheSessionsMadeForThemAreDeleted() {
        database.migrate("26");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        session(jdbc, "anonymous-with-token", null);
        attribute(jdbc, "anonymous-with-token", "SPRING_SECURITY_SAVED_REQUEST", "Authorization: Bearer tsr_secret");
        session(jdbc, "signed-in", "ada@example.test");
        attribute(jdbc, "signed-in", "SPRING_SECURITY_CONTEXT", "context");
        attribute(jdbc, "signed-in", "SPRING_SECURITY_SAVED_REQUEST", "Cookie: remember-me=secret");
        session(jdbc, "anonymous-login-page", null);
        attribute(jdbc, "anonymous-login-page", "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN", "csrf");

        database.migrate("latest");

        assertThat(jdbc.sql("select trim(primary_id) from spring_session order by 1").query(String.class).list())
                .containsExactly("anonymous-login-page", "signed-in");
        assertThat(jdbc.sql("select trim(session_primary_id) || ':' || attribute_name from spring_session_attributes order by 1")
                .query(String.class).list())
                .containsExactly("anonymous-login-page:org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN",
                        "signed-in:SPRING_SECURITY_CONTEXT");
    }

    private static void session(JdbcClient jdbc, String id, String principal) {
        long now = System.currentTimeMillis();
        jdbc.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time, "
                        + "max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 28800, ?, ?)")
                .params(id, id + "-sid", now, now, now + 28_800_000L, principal).update();
    }

    private static void attribute(JdbcClient jdbc, String session, String name, String value) {
        jdbc.sql("insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes) values (?, ?, ?)")
                .params(session, name, value.getBytes(StandardCharsets.UTF_8)).update();
    }
}
