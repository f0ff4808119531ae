package io.tessera.shared;

import java.util.Objects;

/**
 * Who caused a change: an agent, a customer, the system itself, or an automation rule. Every event in the
 * ticket event log and every audit entry names one, so "why did this happen?" always has an answer.
 */
public sealed interface Actor permits Actor.AgentActor, Actor.CustomerActor, Actor.SystemActor, Actor.RuleActor {

    enum Type { AGENT, CUSTOMER, SYSTEM, RULE }

    Type type();

    /** The id of the agent, customer or rule; {@code null} for the system. */
    Long id();

    static Actor agent(AgentId id) {
        return new AgentActor(id.value());
    }

    static Actor customer(long customerId) {
        return new CustomerActor(customerId);
    }

    static Actor system() {
        return SystemActor.INSTANCE;
    }

    static Actor automation(long ruleId) {
        return new RuleActor(ruleId);
    }

    /** Rebuilds an actor from its stored form (type and id columns). */
    static Actor of(Type type, Long id) {
        return switch (type) {
            case AGENT -> new AgentActor(Objects.requireNonNull(id, "agent id"));
            case CUSTOMER -> new CustomerActor(Objects.requireNonNull(id, "customer id"));
            case SYSTEM -> SystemActor.INSTANCE;
            case RULE -> new RuleActor(Objects.requireNonNull(id, "rule id"));
        };
    }

    record AgentActor(long agentId) implements Actor {
        public Type type() { return Type.AGENT; }
        public Long id() { return agentId; }
    }

    record CustomerActor(long customerId) implements Actor {
        public Type type() { return Type.CUSTOMER; }
        public Long id() { return customerId; }
    }

    record RuleActor(long ruleId) implements Actor {
        public Type type() { return Type.RULE; }
        public Long id() { return ruleId; }
    }

    final class SystemActor implements Actor {
        private static final SystemActor INSTANCE = new SystemActor();
        private SystemActor() { }
        public Type type() { return Type.SYSTEM; }
        public Long id() { return null; }
        @Override public String toString() { return "SystemActor"; }
    }
}
