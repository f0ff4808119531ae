package io.tessera.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.channel.TestMail;
import io.tessera.channel.outbox.OutboundKind;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.OutboundStatus;
import io.tessera.channel.outbox.Outbox;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.channel.settings.TeamMailSettings.ClosedReplyRule;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageKind;
import io.tessera.conversation.TicketMerging;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * Received mail through the whole pipeline (stored, then processed from the stored copy): new tickets,
 * the layered threading rules of docs/email.md, machine mail, and the mail Tessera writes back.
 */
@IntegrationTest
class EmailThreadingIntegrationTests {

    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    TicketManagement tickets;
    @Autowired
    Conversations conversations;
    @Autowired
    TicketFollowers followers;
    @Autowired
    Customers customers;
    @Autowired
    Outbox outbox;
    @Autowired
    TeamMailRules teamRules;
    @Autowired
    TeamManagement teams;
    @Autowired
    AgentManagement agents;
    @Autowired
    TicketMerging merging;
    @Autowired
    MutableClock clock;

    @Test
    void aNewMailOpensATicketForItsSenderWithCcFollowersAndAnAcknowledgement() {
        String jane = unique("jane");
        String bob = unique("bob");
        ProcessedMail result = deliver(TestMail.from("Jane Doe <" + jane + ">", "Printer broken").cc("Bob <" + bob + ">"));

        assertThat(result.status()).isEqualTo("PROCESSED");
        Ticket ticket = ticket(result);
        assertThat(ticket.subject()).isEqualTo("Printer broken");
        assertThat(ticket.channel().key()).isEqualTo("email");
        assertThat(customers.find(ticket.requester()).orElseThrow().email()).isEqualTo(jane);
        assertThat(followers.followers(ticket.id())).extracting(f -> f.email()).containsExactly(bob);
        List<Message> messages = conversations.messages(ticket.id());
        assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).contains("please help"));

        OutboundMail ack = single(ticket, OutboundKind.ACKNOWLEDGEMENT);
        assertThat(ack.to()).containsExactly(jane);
        assertThat(ack.subject()).contains("[#" + ticket.number() + "]");
        assertThat(ack.messageId()).startsWith("tessera." + ticket.number() + ".");
        assertThat(ack.automatic()).isTrue();
        assertThat(ack.status()).isEqualTo(OutboundStatus.QUEUED);
    }

    @Test
    void aSubjectLongerThanATicketsIsCutInsteadOfTheMailFailing() {
        // One corpus message (the intake benchmark's mix) has a subject of several hundred words.
        String subject = "Very long subject ".repeat(40).strip();

        ProcessedMail result = deliver(TestMail.from(unique("long"), subject));

        assertThat(result.status()).isEqualTo("PROCESSED");
        assertThat(ticket(result).subject()).hasSize(500).startsWith("Very long subject Very").endsWith("…");
    }

    @Test
    void aReplyToOurSignedMessageIdLandsOnItsTicketEvenUnderAnotherSubject() {
        String jane = unique("jane");
        Ticket ticket = ticket(deliver(TestMail.from(jane, "VPN does not connect")));
        OutboundMail ack = single(ticket, OutboundKind.ACKNOWLEDGEMENT);

        ProcessedMail reply = deliver(TestMail.from(jane, "something else entirely").inReplyTo(ack.messageId())
                .body("It works again, thanks."));

        assertThat(reply.ticketId()).isEqualTo(ticket.id().value());
        assertThat(reply.note()).contains("signed message id");
        assertThat(conversations.messages(ticket.id())).hasSize(2);
    }

    @Test
    void aForgedSignatureIsNotTrustedButAnyStoredMessageIdInReferencesIs() {
        String jane = unique("jane");
        TestMail first = TestMail.from(jane, "Invoice missing");
        Ticket ticket = ticket(deliver(first));
        long forgedNumber = ticket.number();

        ProcessedMail forged = deliver(TestMail.from(unique("mallory"), "Hi")
                .inReplyTo("tessera." + forgedNumber + ".0000000000.0000000000000000@tessera.localhost"));
        assertThat(forged.ticketId()).isNotEqualTo(ticket.id().value());

        // A colleague's mail client kept only the customer's original id, deep in References.
        ProcessedMail viaReferences = deliver(TestMail.from(jane, "Re: Invoice missing")
                .references("unrelated-1@elsewhere.example", first.id(), "unrelated-2@elsewhere.example"));
        assertThat(viaReferences.ticketId()).isEqualTo(ticket.id().value());
        assertThat(viaReferences.note()).contains("stored message id");
    }

    @Test
    void aSubjectTagCountsOnlyFromPeopleOnTheTicket() {
        String jane = unique("jane");
        Ticket ticket = ticket(deliver(TestMail.from(jane, "Password reset")));

        ProcessedMail fromRequester = deliver(TestMail.from(jane, "Re: Password reset [#" + ticket.number() + "]"));
        assertThat(fromRequester.ticketId()).isEqualTo(ticket.id().value());
        assertThat(fromRequester.note()).contains("subject tag");

        ProcessedMail fromStranger = deliver(TestMail.from(unique("stranger"), "Re: [#" + ticket.number() + "] let me in"));
        assertThat(fromStranger.ticketId()).isNotEqualTo(ticket.id().value());
        assertThat(ticket(fromStranger).subject()).isEqualTo("Re: [#" + ticket.number() + "] let me in");
    }

    @Test
    void theSameMessageDeliveredTwiceIsStoredOnceAndMakesOneTicket() {
        TestMail mail = TestMail.from(unique("jane"), "Twice");
        ProcessedMail first = deliver(mail);
        StoredMail again = intake.store(Arrival.pipe(null, null), mail.bytes());

        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
    }

    @Test
    void replyToUsesTheRealCustomerBehindAFormMailer() {
        String customer = unique("customer");
        Ticket ticket = ticket(deliver(TestMail.from("Web form <noreply@forms.example>", "Contact form")
                .replyTo("Carla Customer <" + customer + ">")));

        assertThat(customers.find(ticket.requester()).orElseThrow().email()).isEqualTo(customer);
        assertThat(single(ticket, OutboundKind.ACKNOWLEDGEMENT).to()).containsExactly(customer);
    }

    @Test
    void machineMailIsNeverAnsweredAndAnAutoReplyDoesNotReopenASolvedTicket() {
        String jane = unique("jane");
        Ticket autoTicket = ticket(deliver(TestMail.from(unique("robot"), "Out of Office: back Monday")
                .header("Auto-Submitted", "auto-replied")));
        assertThat(outboxOf(autoTicket)).isEmpty();
        assertThat(tickets.get(autoTicket.id()).tags()).contains("auto-reply");

        Ticket ticket = ticket(deliver(TestMail.from(jane, "Laptop slow")));
        Agent agent = Agents.create(agents, Role.ADMIN);
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.SOLVED)), Actor.agent(agent.id()));
        OutboundMail ack = single(ticket, OutboundKind.ACKNOWLEDGEMENT);

        ProcessedMail oof = deliver(TestMail.from(jane, "Automatic reply: Laptop slow").inReplyTo(ack.messageId())
                .header("X-Auto-Response-Suppress", "All").body("I am away until Monday."));

        assertThat(oof.ticketId()).isEqualTo(ticket.id().value());
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(conversations.messages(ticket.id())).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).contains("I am away until Monday");
        });
    }

    @Test
    void ourOwnMailComingBackIsKeptButMakesNoTicket() {
        ProcessedMail loop = deliver(TestMail.from("Support <support@tessera.localhost>", "[#1] We received your request"));

        assertThat(loop.status()).isEqualTo("IGNORED");
        assertThat(loop.ticketId()).isNull();
    }

    @Test
    void aPermanentBounceNotesTheTicketAndStopsMailToTheAddress() {
        String jane = unique("jane");
        Ticket ticket = ticket(deliver(TestMail.from(jane, "Order 778")));
        OutboundMail ack = single(ticket, OutboundKind.ACKNOWLEDGEMENT);

        ProcessedMail bounce = deliver(TestMail.from("Mail Delivery System <MAILER-DAEMON@mx.example>",
                        "Undelivered Mail Returned to Sender")
                .header("X-Failed-Recipients", jane)
                .references(ack.messageId())
                .body("This is the mail system at host mx.example.\n\n<" + jane + ">: host said: 550 5.1.1 User unknown\n"));

        assertThat(bounce.ticketId()).isEqualTo(ticket.id().value());
        assertThat(conversations.messages(ticket.id())).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).contains("could not be delivered").contains("5.1.1");
        });
        Agent agent = Agents.create(agents, Role.ADMIN);
        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "Your order ships today.", false, List.of());
        assertThat(single(ticket, OutboundKind.REPLY).status()).isEqualTo(OutboundStatus.SUPPRESSED);
    }

    @Test
    void anAgentReplyIsQueuedToRequesterAndFollowersWithThreadingHeaders() {
        String jane = unique("jane");
        String bob = unique("bob");
        TestMail first = TestMail.from(jane, "Badge does not open door 4").cc(bob);
        Ticket ticket = ticket(deliver(first));
        Agent agent = Agents.create(agents, Role.ADMIN);

        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "**Fixed**: try again please.", false, List.of());

        OutboundMail reply = single(ticket, OutboundKind.REPLY);
        assertThat(reply.to()).containsExactly(jane);
        assertThat(reply.cc()).containsExactly(bob);
        assertThat(reply.subject()).isEqualTo("Re: Badge does not open door 4 [#" + ticket.number() + "]");
        assertThat(reply.inReplyTo()).isEqualTo(first.id());
        assertThat(reply.references()).contains(first.id());
        assertThat(reply.text()).contains("**Fixed**: try again please.");
        assertThat(reply.html()).contains("<strong>Fixed</strong>");
        assertThat(reply.from()).contains("support@tessera.localhost").contains(agent.name());
        assertThat(reply.automatic()).isFalse();

        ProcessedMail answer = deliver(TestMail.from(jane, "Re: Badge does not open door 4 [#" + ticket.number() + "]")
                .inReplyTo(reply.messageId()).references(first.id(), reply.messageId()));
        assertThat(answer.ticketId()).isEqualTo(ticket.id().value());
    }

    @Test
    void closedTicketsFollowTheTeamsRule() {
        TeamId team = teams.create("Mail rules " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        String jane = unique("jane");
        Ticket followUpTicket = closedTicket(jane, "Closed, default rule");
        ProcessedMail followUp = deliver(TestMail.from(jane, "Re: Closed, default rule [#" + followUpTicket.number() + "]"));
        assertThat(followUp.ticketId()).isNotEqualTo(followUpTicket.id().value());
        assertThat(followUp.note()).contains("follow-up");

        teamRules.save(new TeamMailSettings(team, null, ClosedReplyRule.REOPEN, 0, false));
        Ticket reopenTicket = closedTicket(jane, "Closed, reopen rule", team);
        // Closing is final for agents; the team rule is what reopens it.
        ProcessedMail reopened = deliver(TestMail.from(jane, "Re: Closed, reopen rule [#" + reopenTicket.number() + "]"));
        assertThat(reopened.ticketId()).isEqualTo(reopenTicket.id().value());
        assertThat(tickets.get(reopenTicket.id()).status()).isEqualTo(TicketStatus.OPEN);

        teamRules.save(new TeamMailSettings(team, null, ClosedReplyRule.FOLLOW_UP_AFTER_DAYS, 3, false));
        Ticket recent = closedTicket(jane, "Closed, within days", team);
        assertThat(deliver(TestMail.from(jane, "Re: [#" + recent.number() + "]")).ticketId()).isEqualTo(recent.id().value());
        Ticket old = closedTicket(jane, "Closed, long ago", team);
        clock.advance(Duration.ofDays(4));
        assertThat(deliver(TestMail.from(jane, "Re: [#" + old.number() + "]")).ticketId()).isNotEqualTo(old.id().value());
    }

    @Test
    void aNewSubjectInAnOldThreadStartsALinkedTicketWhenTheTeamWantsIt() {
        TeamId team = teams.create("Subject split " + UUID.randomUUID(), "", Set.of(), Initiator.system()).id();
        teamRules.save(new TeamMailSettings(team, null, ClosedReplyRule.FOLLOW_UP, 0, true));
        String jane = unique("jane");
        Ticket ticket = ticket(deliver(TestMail.from(jane, "Monitor flickers")));
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetTeam(team)), Actor.system());
        OutboundMail ack = single(ticket, OutboundKind.ACKNOWLEDGEMENT);

        ProcessedMail sameTopic = deliver(TestMail.from(jane, "RE: AW: Monitor flickers [#" + ticket.number() + "]")
                .inReplyTo(ack.messageId()));
        assertThat(sameTopic.ticketId()).isEqualTo(ticket.id().value());

        ProcessedMail newTopic = deliver(TestMail.from(jane, "Re: Also, can I get a second keyboard?")
                .inReplyTo(ack.messageId()));
        assertThat(newTopic.ticketId()).isNotEqualTo(ticket.id().value());
        assertThat(tickets.get(TicketId.of(newTopic.ticketId())).team()).isEqualTo(team);
    }

    @Test
    void aReplyToAMergedTicketGoesToTheTarget() {
        String jane = unique("jane");
        Ticket source = ticket(deliver(TestMail.from(jane, "Duplicate A")));
        Ticket target = ticket(deliver(TestMail.from(jane, "Duplicate B")));
        Agent agent = Agents.create(agents, Role.ADMIN);
        merging.merge(List.of(source.id()), target.id(), Actor.agent(agent.id()));

        ProcessedMail reply = deliver(TestMail.from(jane, "Re: Duplicate A")
                .inReplyTo(single(source, OutboundKind.ACKNOWLEDGEMENT).messageId()));

        assertThat(reply.ticketId()).isEqualTo(target.id().value());
    }

    @Test
    void acknowledgementsAreLimitedToThreePerSenderInTenMinutes() {
        String eager = unique("eager");
        for (int i = 0; i < 4; i++) {
            deliver(TestMail.from(eager, "Request " + i));
        }
        long acks = outbox.page(null, null, null, 200).stream()
                .filter(m -> m.kind() == OutboundKind.ACKNOWLEDGEMENT && m.to().contains(eager)).count();
        assertThat(acks).isEqualTo(3);

        clock.advance(Duration.ofMinutes(11));
        deliver(TestMail.from(eager, "Request after a pause"));
        assertThat(outbox.page(null, null, null, 200).stream()
                .filter(m -> m.kind() == OutboundKind.ACKNOWLEDGEMENT && m.to().contains(eager)).count()).isEqualTo(4);
    }

    @Test
    void aMessageWithoutSenderFailsAndStaysStoredForAnAdmin() {
        byte[] raw = "To: support@tessera.localhost\r\nSubject: who am I\r\nMessage-ID: <nobody-%s@x.example>\r\n\r\nhi\r\n"
                .formatted(UUID.randomUUID()).getBytes();
        StoredMail stored = intake.store(Arrival.pipe(null, null), raw);
        ProcessedMail failed = processor.process(stored.id()).orElseThrow();

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.note()).contains("no sender address");
        assertThat(processor.reprocess(stored.id())).get().extracting(ProcessedMail::status).isEqualTo("FAILED");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private Ticket closedTicket(String requester, String subject) {
        return closedTicket(requester, subject, null);
    }

    private Ticket closedTicket(String requester, String subject, TeamId team) {
        Ticket ticket = ticket(deliver(TestMail.from(requester, subject)));
        List<TicketChange> changes = team == null ? List.of(new TicketChange.SetStatus(TicketStatus.SOLVED))
                : List.of(new TicketChange.SetTeam(team), new TicketChange.SetStatus(TicketStatus.SOLVED));
        tickets.update(ticket.id(), null, changes, Actor.system());
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(TicketStatus.CLOSED)), Actor.system());
        return tickets.get(ticket.id());
    }

    private ProcessedMail deliver(TestMail mail) {
        StoredMail stored = intake.store(Arrival.pipe(null, null), mail.bytes());
        return processor.process(stored.id()).orElseThrow();
    }

    private Ticket ticket(ProcessedMail result) {
        assertThat(result.ticketId()).as("ticket of %s", result).isNotNull();
        return tickets.get(TicketId.of(result.ticketId()));
    }

    private List<OutboundMail> outboxOf(Ticket ticket) {
        return outbox.page(null, ticket.id().value(), null, 50);
    }

    private OutboundMail single(Ticket ticket, OutboundKind kind) {
        return outboxOf(ticket).stream().filter(m -> m.kind() == kind).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind + " for #" + ticket.number());
        }).orElseThrow(() -> new AssertionError("no " + kind + " for #" + ticket.number()));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }
}
