package io.tessera.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.channel.TestMail;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.MailIntake;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Mentions;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageKind;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.notification.NotificationPreferences;
import io.tessera.notification.Notifications;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;

/** Agents' notifications by email: queued after the notification, off by the agent's choice, answered by email as a note. */
@IntegrationTest
class AgentNotificationMailIntegrationTests {

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationPreferences preferences;

    @Autowired
    Outbox outbox;

    @Autowired
    MailIntake intake;

    @Autowired
    InboundMailProcessor processor;

    Agent author;
    Agent grace;
    Ticket ticket;

    @BeforeEach
    void ticketInATeam() {
        Team team = teams.create("Notify " + System.nanoTime(), "", Set.of(), Initiator.system());
        author = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        grace = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("nm" + System.nanoTime() + "@example.test", "Nora Mail");
        ticket = conversations.open(new NewTicket("Refund not received", requester.id(), Channel.EMAIL, Priority.NORMAL,
                null, team.id(), null, Set.of(), null), "Where is my refund?", BodyFormat.TEXT,
                Actor.customer(requester.id().value()), null);
    }

    @Test
    void aMentionIsMailedToTheAgentAndTheirEmailedAnswerBecomesTheirNote() {
        mention(grace, "@" + handle(grace) + " please check the refund batch.");

        OutboundMail mail = awaitMailTo(grace);
        assertThat(mail.kind()).isEqualTo(OutboundKind.NOTIFICATION);
        assertThat(mail.automatic()).isTrue();
        assertThat(mail.subject()).isEqualTo("[#" + ticket.number() + "] " + author.name() + " mentioned you: Refund not received");
        assertThat(mail.text()).contains("please check the refund batch").contains("/tickets/" + ticket.number());
        assertThat(mail.messageId()).startsWith("tessera." + ticket.number() + ".");

        // Grace answers from her mail client: the answer threads back by the signed Message-ID, as her note.
        byte[] answer = TestMail.from(grace.name() + " <" + grace.email() + ">", "Re: " + mail.subject())
                .inReplyTo("<" + mail.messageId() + ">").body("Checked: it went out this morning.\n").bytes();
        processor.process(intake.store(Arrival.pipe(null, null), answer).id()).orElseThrow();

        Message note = conversations.messages(ticket.id()).stream().filter(m -> m.body().contains("went out this morning"))
                .findFirst().orElseThrow();
        assertThat(note.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
        assertThat(note.author()).isEqualTo(Actor.agent(grace.id()));
    }

    @Test
    void anAssignmentIsMailedAndAnAgentWhoTurnedEmailOffGetsOnlyTheBell() {
        tickets.update(ticket.id(), null, List.of(new TicketChange.Assign(grace.id())), Actor.agent(author.id()));
        assertThat(awaitMailTo(grace).subject()).contains(author.name() + " assigned you");

        preferences.setByEmail(grace.id(), false);
        int mailsBefore = mailsTo(grace).size();
        mention(grace, "@" + handle(grace) + " and this one?");
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(grace.id()) == 2);
        // The mail would be queued by a listener of the same event right after the notification's commit.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(grace).size() == mailsBefore);
    }

    private void mention(Agent whom, String text) {
        conversations.agentWrote(ticket.id(), null, Actor.agent(author.id()), text, true, List.of());
    }

    private OutboundMail awaitMailTo(Agent agent) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(agent).isEmpty());
        return mailsTo(agent).get(0);
    }

    private List<OutboundMail> mailsTo(Agent agent) {
        return outbox.page(null, ticket.id().value(), null, 200).stream()
                .filter(mail -> mail.to().contains(agent.email())).toList();
    }

    private static String handle(Agent agent) {
        return Mentions.handleOf(agent.email());
    }
}
