package io.tessera.testing;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each test application context at its own empty database: an in-memory H2 database, or a fresh
 * schema in the local PostgreSQL, chosen by the {@code tessera.test.db} system property that the Maven
 * build sets per run ({@code h2} or {@code postgres}). PostgreSQL schemas are dropped when the JVM exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_URL =
            System.getProperty("tessera.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("tessera.test.postgres.user", "postgres");

    public static String kind() {
        return System.getProperty("tessera.test.db", "h2");
    }

    public static boolean postgres() {
        return "postgres".equals(kind());
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (postgres()) {
            properties.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + name);
            properties.put("spring.datasource.username", POSTGRES_USER);
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.schemas", name);
            properties.put("spring.flyway.default-schema", name);
            // Spring keeps every test context it has built (one per distinct configuration), each with its own
            // pool: with Hikari's default 10 connections a dozen contexts pass PostgreSQL's 100. A small pool that
            // gives idle connections back keeps the whole suite well under it.
            properties.put("spring.datasource.hikari.maximum-pool-size", "6");
            properties.put("spring.datasource.hikari.minimum-idle", "1");
            properties.put("spring.datasource.hikari.idle-timeout", "10000");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(name)));
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        try {
            properties.put("tessera.data-dir", Files.createTempDirectory("tessera-test").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        // Tests start empty unless they ask for the demo (@TestPropertySource(properties = "tessera.demo=true")).
        String demo = context.getEnvironment().getProperty("tessera.demo");
        if (demo == null || demo.isBlank()) {
            properties.put("tessera.demo", "false");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
    }

    private static void dropSchema(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            connection.createStatement().execute("drop schema if exists " + name + " cascade");
        } catch (SQLException ignored) {
            // Best effort: a leftover schema in the test database harms nothing.
        }
    }

    /** Whether the PostgreSQL the tests use answers. */
    public static boolean postgresReachable() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

}
