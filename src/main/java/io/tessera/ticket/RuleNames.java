package io.tessera.ticket;

import java.util.Map;

/**
 * The names of the rules that change tickets, so the timeline says "Trigger “Route billing”" and not a bare
 * id. The automation module provides it; without it a rule is "Rule #id". Rules are few (tens, not
 * thousands), so all names are read at once.
 */
public interface RuleNames {

    Map<Long, String> all();
}
