package io.tessera.ticket;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;

/**
 * Display names of the actors of a page of events, in one query per kind (agents, customers) rather than
 * one per event. The log stores ids only, because names change.
 */
@Component
@Transactional(readOnly = true)
public class ActorNames {

    private final JdbcClient jdbc;
    private final ObjectProvider<RuleNames> rules;

    ActorNames(JdbcClient jdbc, ObjectProvider<RuleNames> rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** Every rule's display name by id (empty without the automation module). */
    public Map<Long, String> rules() {
        RuleNames names = rules.getIfAvailable();
        return names == null ? Map.of() : names.all();
    }

    /** Names by actor; the system is "Tessera", a rule "Rule #id", someone deleted "Agent #id" or "Customer #id". */
    public Map<Actor, String> of(Collection<Actor> actors) {
        Map<Long, String> agents = names("agent", ids(actors, Actor.Type.AGENT));
        Map<Long, String> customers = names("customer", ids(actors, Actor.Type.CUSTOMER));
        Map<Long, String> ruleNames = actors.stream().anyMatch(a -> a.type() == Actor.Type.RULE) ? rules() : Map.of();
        Map<Actor, String> names = new HashMap<>();
        for (Actor actor : actors) {
            String name = switch (actor.type()) {
                case AGENT -> agents.getOrDefault(actor.id(), "Agent #" + actor.id());
                case CUSTOMER -> customers.getOrDefault(actor.id(), "Customer #" + actor.id());
                case RULE -> ruleNames.getOrDefault(actor.id(), "Rule #" + actor.id());
                case SYSTEM -> "Tessera";
            };
            names.put(actor, name);
        }
        return names;
    }

    private static List<Long> ids(Collection<Actor> actors, Actor.Type type) {
        return actors.stream().filter(a -> a.type() == type).map(Actor::id).distinct().toList();
    }

    private Map<Long, String> names(String table, List<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            // The table name is one of two constants above, never input.
            jdbc.sql("select id, name from " + table + " where id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }
}
