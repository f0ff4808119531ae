package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Lets notifications come from rules (kind {@code RULE}, docs/rules.md "notify"). V8 declared the kind's check
 * inline, so each database named it itself (PostgreSQL {@code notification_kind_check}, H2 a generated
 * name): this migration looks the name up in the information schema, drops it and adds a named check in
 * its place — the one change plain SQL cannot make portably.
 */
public class V24__notification_rule_kind extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(
                "select cc.constraint_name from information_schema.check_constraints cc "
                        + "join information_schema.table_constraints tc on tc.constraint_name = cc.constraint_name "
                        + "and tc.constraint_schema = cc.constraint_schema "
                        + "where lower(tc.table_name) = 'notification' and tc.table_schema = current_schema "
                        + "and cc.check_clause like '%MENTIONED%'")) {
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("alter table notification drop constraint \"" + name.replace("\"", "") + "\"");
            }
            statement.execute("alter table notification add constraint notification_kind_ck "
                    + "check (kind in ('MENTIONED', 'ASSIGNED', 'RULE'))");
        }
    }
}
