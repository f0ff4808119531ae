package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.tessera.testing.IntegrationTest;

/** A new install starts with the default triggers and automations switched on (docs/rules.md, "Defaults"). */
@IntegrationTest
@TestPropertySource(properties = "tessera.rules.defaults=true")
class DefaultRulesIntegrationTests {

    @Autowired Triggers triggers;
    @Autowired Automations automations;

    @Test
    void theDefaultsAreInstalledAndOn() {
        assertThat(triggers.list()).extracting(Trigger::name).contains("Acknowledge new web requests",
                "Notify the assignee of a customer reply", "Reopen on customer reply");
        assertThat(automations.list()).extracting(Automation::name).contains("Close solved tickets after 4 days",
                "Remind the customer after 3 days pending", "Escalate new tickets untouched for 2 hours");
        assertThat(automations.list()).allMatch(Automation::enabled);
        assertThat(triggers.list().stream().filter(t -> t.name().startsWith("Acknowledge"))).allMatch(Trigger::enabled);
    }
}
