package io.tessera.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.testing.DatabaseAvailability;
import io.tessera.testing.ScratchDatabase;
import io.tessera.testing.TestDatabase;

/**
 * V4 moves data, which cannot be undone on a production database: organizations' comma-separated
 * domains become rows, and every customer's address becomes a {@code customer_email} row. Runs the
 * history up to V2 on an empty database of this run's kind, fills in data the old way, then migrates on.
 */
@ExtendWith(DatabaseAvailability.class)
class CustomerProfileMigrationIntegrationTests {

    private final ScratchDatabase database = new ScratchDatabase();

    @AfterEach
    void dropSchema() throws SQLException {
        database.drop();
    }

    @Test
    void domainsAndAddressesMoveToTheirOwnTables() {
        database.migrate("2");
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        jdbc.sql("insert into organization (name, domains, created_at) values "
                + "('Acme', 'Acme.example, acme.test ,,', current_timestamp), ('Copy', 'acme.example', current_timestamp), "
                + "('None', null, current_timestamp), ('Empty', '', current_timestamp)").update();
        long acme = jdbc.sql("select id from organization where name = 'Acme'").query(Long.class).single();
        jdbc.sql("insert into customer (name, email, organization_id, created_at) values "
                + "('Ann', 'ann@acme.example', ?, current_timestamp), ('Bob', 'bob@elsewhere.test', null, current_timestamp)")
                .param(acme).update();

        database.migrate("latest");

        assertThat(jdbc.sql("select o.name || ':' || d.domain from organization_domain d "
                + "join organization o on o.id = d.organization_id order by d.domain").query(String.class).list())
                .as("lower-cased, trimmed, empty parts dropped; a domain two organizations listed goes to the older one")
                .containsExactly("Acme:acme.example", "Acme:acme.test");
        assertThat(jdbc.sql("select c.name || ':' || e.email from customer_email e join customer c on c.id = e.customer_id "
                + "order by e.email").query(String.class).list())
                .containsExactly("Ann:ann@acme.example", "Bob:bob@elsewhere.test");
        List<String> organizationColumns = jdbc.sql("select lower(column_name) from information_schema.columns "
                + "where lower(table_name) = 'organization'" + (TestDatabase.postgres() ? " and table_schema = '" + database.schema() + "'" : ""))
                .query(String.class).list();
        assertThat(organizationColumns).contains("name", "tier", "notes").doesNotContain("domains");
    }
}
