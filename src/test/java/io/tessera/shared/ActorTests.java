package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ActorTests {

    @Test
    void roundTripsThroughItsStoredForm() {
        for (Actor actor : new Actor[] {Actor.agent(AgentId.of(7)), Actor.customer(9), Actor.system(), Actor.automation(3)}) {
            assertThat(Actor.of(actor.type(), actor.id())).isEqualTo(actor);
        }
    }

    @Test
    void systemHasNoId() {
        assertThat(Actor.system().id()).isNull();
        assertThat(Actor.system().type()).isEqualTo(Actor.Type.SYSTEM);
    }

    @Test
    void agentCustomerAndRuleNeedAnId() {
        assertThatThrownBy(() -> Actor.of(Actor.Type.AGENT, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Actor.of(Actor.Type.RULE, null)).isInstanceOf(NullPointerException.class);
    }
}
