package io.tessera.demo;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Whether to load demo data: {@code TESSERA_DEMO=true|false} decides; unset, only the embedded H2
 * database gets it, so a production PostgreSQL never receives invented customers by accident.
 */
final class DemoDecision {

    private DemoDecision() {
    }

    static boolean wanted(String setting, DataSource dataSource) {
        if (!setting.isEmpty()) {
            return Boolean.parseBoolean(setting);
        }
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        }
    }
}
