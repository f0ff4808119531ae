package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.notification.Notification;
import io.tessera.notification.NotificationKind;
import io.tessera.notification.Notifications;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.view.ConditionRow;

/** A trigger's "notify" reaches the team's members in the bell after the ticket's change commits. */
@IntegrationTest
class RuleNotifyIntegrationTests {

    @Autowired Triggers triggers;
    @Autowired Notifications notifications;
    @Autowired Conversations conversations;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;

    final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        created.forEach(id -> triggers.delete(id, Initiator.system()));
    }

    @Test
    void theTeamIsNotifiedWithTheRulesText() {
        Team team = teams.create("Notify " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        Agent first = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Agent second = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Trigger trigger = triggers.create(new TriggerDraft("Urgent to the team " + team.name(), null, true, List.of("created"),
                List.of(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value()))),
                        new ConditionRow("priority", "is", List.of("urgent"))), List.of(),
                List.of(new ActionRow("notify", List.of("team", "An urgent ticket came in.")))), Initiator.system());
        created.add(trigger.id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        CustomerId customer = customers.create("Uma " + id, "u-" + id + "@example.test", null, null);

        conversations.open(new NewTicket("Production down", customer, Channel.WEB, Priority.URGENT, null, team.id(), null,
                Set.of(), null), "Help", BodyFormat.TEXT, Actor.customer(customer.value()), null);

        for (Agent agent : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notifications.page(agent.id(), null, 10)
                    .items()).extracting(Notification::kind).contains(NotificationKind.RULE));
            Notification n = notifications.page(agent.id(), null, 10).items().get(0);
            assertThat(n.excerpt()).isEqualTo("An urgent ticket came in.");
            assertThat(n.ticketSubject()).isEqualTo("Production down");
            assertThat(n.headline()).endsWith("notified you");
        }
    }
}
