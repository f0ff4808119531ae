package io.tessera.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An empty database for a Tessera started as its own process ({@link TesseraProcess}), chosen like
 * {@link TestDatabase} by {@code tessera.test.db}: the embedded default — an H2 <em>file</em> database in the
 * data directory, with the URL {@code application.yml} derives from {@code TESSERA_DATA_DIR}, so the test
 * covers exactly what a default install runs — or a fresh schema in the local PostgreSQL, dropped on close.
 *
 * <p>The test reads the database over JDBC afterwards. An H2 file database is single-process: only
 * {@link #connect()} once the server is stopped.
 */
public final class ProcessDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final String schema;

    private ProcessDatabase(Path dataDirectory, String schema) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
    }

    public static ProcessDatabase create(String prefix) {
        try {
            Path data = Files.createTempDirectory(prefix);
            if (!TestDatabase.postgres()) {
                return new ProcessDatabase(data, null);
            }
            String schema = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "")) {
                connection.createStatement().execute("create schema " + schema);
            }
            return new ProcessDatabase(data, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a PostgreSQL schema for the test", e);
        }
    }

    public String kind() {
        return schema == null ? "h2" : "postgres";
    }

    /** The server's environment: data directory always (attachments live there), the PostgreSQL URL when used. */
    public Map<String, String> environment() {
        if (schema == null) {
            return Map.of("TESSERA_DATA_DIR", dataDirectory.toString());
        }
        return Map.of("TESSERA_DATA_DIR", dataDirectory.toString(),
                "TESSERA_DB_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema,
                "TESSERA_DB_USER", TestDatabase.POSTGRES_USER,
                "TESSERA_DB_PASSWORD", "",
                // Flyway would otherwise create its history in the first schema of the search path.
                "SPRING_FLYWAY_SCHEMAS", schema,
                "SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
    }

    public Connection connect() throws SQLException {
        if (schema == null) {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDirectory.resolve("tessera")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE", "sa", "");
        }
        return DriverManager.getConnection(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, TestDatabase.POSTGRES_USER, "");
    }

    @Override
    public void close() {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "")) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException ignored) {
                // Best effort, like TestDatabase: a leftover schema harms nothing.
            }
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
