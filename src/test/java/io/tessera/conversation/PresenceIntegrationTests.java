package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/** The live stream of a ticket page: who may subscribe, presence, typing, and changes by others. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PresenceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    io.tessera.conversation.presence.PresenceHub hub;

    Team team;
    Agent grace;
    Agent alan;
    Ticket ticket;

    @BeforeEach
    void ticketInATeam() {
        team = teams.create("Live " + System.nanoTime(), "", Set.of(), Initiator.system());
        grace = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        alan = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("live" + System.nanoTime() + "@example.test", "Lena Live");
        ticket = conversations.open(new NewTicket("Live ticket", requester.id(), Channel.EMAIL, Priority.NORMAL,
                null, team.id(), null, Set.of(), null), "Hello?", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }

    @Test
    void agentsOfOtherTeamsCannotSubscribeOrPing() {
        HttpSession outsider = signedIn(Agents.create(agents, Role.AGENT));
        try (EventStreamClient stream = EventStreamClient.open(port, live(), outsider.cookie("SESSION"))) {
            assertThat(stream.status()).isEqualTo(404);
        }
        outsider.get("/");
        assertThat(outsider.post("/tickets/" + ticket.number() + "/typing", Map.of("typing", "true")).status())
                .isEqualTo(404);
    }

    @Test
    void signedOutBrowsersAreSentToSignIn() {
        HttpSession anonymous = new HttpSession(port);
        HttpSession.Page page = anonymous.get(live());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void aColleagueJoiningAndTypingIsShownToTheOthers() {
        HttpSession graceBrowser = signedIn(grace);
        HttpSession alanBrowser = signedIn(alan);
        try (EventStreamClient graceStream = EventStreamClient.open(port, live(), graceBrowser.cookie("SESSION"))) {
            assertThat(graceStream.status()).isEqualTo(200);
            assertThat(graceStream.contentType()).startsWith("text/event-stream");
            graceStream.await("presence", data -> data.contains(agentJson(grace, false)));

            try (EventStreamClient alanStream = EventStreamClient.open(port, live(), alanBrowser.cookie("SESSION"))) {
                graceStream.await("presence", data -> data.contains(agentJson(alan, false)) && data.contains(agentJson(grace, false)));

                alanBrowser.get("/tickets/" + ticket.number());
                assertThat(alanBrowser.post("/tickets/" + ticket.number() + "/typing", Map.of("typing", "true")).status())
                        .isEqualTo(204);
                graceStream.await("presence", data -> data.contains(agentJson(alan, true)));

                alanBrowser.post("/tickets/" + ticket.number() + "/typing", Map.of("typing", "false"));
                graceStream.await("presence", data -> data.contains(agentJson(alan, false)));
            }
        }
    }

    @Test
    void typingPingsNeedTheCsrfToken() {
        HttpSession alanBrowser = signedIn(alan);
        assertThat(alanBrowser.postRaw("/tickets/" + ticket.number() + "/typing", Map.of("typing", "true")).status())
                .isEqualTo(403);
    }

    @Test
    void aReplyByAColleagueIsPushedAfterCommit() {
        HttpSession graceBrowser = signedIn(grace);
        try (EventStreamClient graceStream = EventStreamClient.open(port, live(), graceBrowser.cookie("SESSION"))) {
            graceStream.await("presence", data -> true);

            conversations.agentWrote(ticket.id(), null, Actor.agent(alan.id()), "On it.", false, java.util.List.of());

            graceStream.await("changed", data -> data.contains("\"text\":\"New reply from " + alan.name() + "\"")
                    && data.contains("\"actorId\":" + alan.id().value()));
        }
    }

    @Test
    void aChangeBetweenRenderingAndConnectingIsReportedAtOnce() {
        HttpSession graceBrowser = signedIn(grace);
        try (EventStreamClient graceStream = EventStreamClient.open(port, live() + "?seen=1", graceBrowser.cookie("SESSION"))) {
            graceStream.await("changed", data -> data.contains("changed since you opened it"));
        }
    }

    @Test
    void streamsEndedByTheServerCloseCleanly(CapturedOutput output) throws Exception {
        HttpSession graceBrowser = signedIn(grace);
        try (EventStreamClient graceStream = EventStreamClient.open(port, live(), graceBrowser.cookie("SESSION"))) {
            graceStream.await("presence", data -> true);

            // What shutdown (and a stream's timeout) does: complete the stream, which dispatches the
            // request again asynchronously through the security filters.
            hub.stop();
            hub.start();

            assertThat(graceStream.ended()).isTrue();
            Thread.sleep(500);
            assertThat(output.getOut() + output.getErr()).doesNotContain("AccessDenied").doesNotContain("committed")
                    .doesNotContain("Async");
        }
    }

    private String live() {
        return "/tickets/" + ticket.number() + "/live";
    }

    private static String agentJson(Agent agent, boolean typing) {
        return "{\"agentId\":" + agent.id().value() + ",\"name\":\"" + agent.name() + "\",\"typing\":" + typing + "}";
    }

    private HttpSession signedIn(Agent who) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(who.email(), Agents.PASSWORD, false);
        return browser;
    }
}
