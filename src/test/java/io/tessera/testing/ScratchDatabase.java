package io.tessera.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An empty database of this run's kind (a fresh PostgreSQL schema, or an H2 in-memory database) for tests
 * of data-moving migrations: migrate it to an old version, write data the old way, then migrate on.
 * {@link #drop()} after each test.
 */
public final class ScratchDatabase {

    private final String schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final DataSource dataSource;

    public ScratchDatabase() {
        this.dataSource = TestDatabase.postgres()
                ? new DriverManagerDataSource(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, TestDatabase.POSTGRES_USER, "")
                : new DriverManagerDataSource("jdbc:h2:mem:" + schema
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String schema() {
        return schema;
    }

    /** Applies the migrations up to {@code target} ("26", or "latest"). */
    public void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target);
        if (TestDatabase.postgres()) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
    }

    public void drop() throws SQLException {
        if (TestDatabase.postgres()) {
            try (Connection connection = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "")) {
                connection.createStatement().execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
