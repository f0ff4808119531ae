package io.tessera.view;

import java.util.Collection;
import java.util.Set;

/**
 * "Value is (not) one of these, or (not) empty" over a nullable column, written once so SQL's three-valued
 * logic and Java's two agree: {@code team_id not in (1)} is unknown for a ticket without a team, so the
 * negative forms spell out the null case.
 */
final class Membership {

    private Membership() {
    }

    static boolean matches(Object value, Set<?> values, boolean includesEmpty, boolean negate) {
        boolean in = value == null ? includesEmpty : values.contains(value);
        return negate != in;
    }

    static void toSql(SqlWriter sql, String column, Collection<?> values, boolean includesEmpty, boolean negate) {
        if (!negate) {
            if (values.isEmpty() && !includesEmpty) {
                sql.append("1 = 0");
            } else if (values.isEmpty()) {
                sql.append(column).append(" is null");
            } else if (includesEmpty) {
                sql.append("(").in(column, values).append(" or ").append(column).append(" is null)");
            } else {
                sql.in(column, values);
            }
        } else if (includesEmpty) {
            sql.append(column).append(" is not null");
            if (!values.isEmpty()) {
                sql.append(" and ").append(column).append(" not in (").bind(values).append(")");
            }
        } else if (values.isEmpty()) {
            sql.append("1 = 1");
        } else {
            sql.append("(").append(column).append(" is null or ").append(column).append(" not in (").bind(values).append("))");
        }
    }

    /** The operators of a plain "is / is not" field, normalised to whether it negates. */
    static boolean negates(String field, Operator operator) {
        if (operator == Operator.IS || operator == Operator.IN) {
            return false;
        }
        if (operator == Operator.IS_NOT || operator == Operator.NOT_IN) {
            return true;
        }
        throw new InvalidView(field, "Use is, is not, is any of or is none of for " + field + ".");
    }
}
