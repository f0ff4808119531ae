package io.tessera.ticket;

import java.util.Map;

/**
 * A condition over the ticket aliased {@code t}, appended to a query as {@code and (…)} with named
 * parameters (never values spliced into the text). The view module compiles its conditions into one; the
 * ticket module only runs it, so lists and counts of any module share one SELECT and one visibility rule.
 * Parameter names must not clash with {@link Visibility}'s ({@code viewer}, {@code teams}) or the keyset's
 * ({@code k0}, {@code k1}, …).
 */
@FunctionalInterface
public interface TicketFilter {

    TicketFilter NONE = (sql, params) -> { };

    void appendTo(StringBuilder sql, Map<String, Object> params);
}
