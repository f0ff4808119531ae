package io.tessera.view;

import java.util.Collection;
import java.util.Map;

/**
 * Collects the SQL text of compiled conditions and binds every value as a named parameter ({@code :vc0},
 * {@code :vc1}, …): values never become part of the text.
 */
public final class SqlWriter {

    private final StringBuilder sql;
    private final Map<String, Object> params;
    private int next;

    SqlWriter(StringBuilder sql, Map<String, Object> params) {
        this.sql = sql;
        this.params = params;
    }

    public SqlWriter append(String text) {
        sql.append(text);
        return this;
    }

    /** Binds a value and appends its placeholder. */
    public SqlWriter bind(Object value) {
        String name = "vc" + next++;
        params.put(name, value);
        sql.append(':').append(name);
        return this;
    }

    /** Appends {@code column in (:p)} for a non-empty collection. */
    public SqlWriter in(String column, Collection<?> values) {
        return append(column).append(" in (").bind(values).append(")");
    }
}
