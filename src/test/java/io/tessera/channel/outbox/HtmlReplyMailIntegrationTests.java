package io.tessera.channel.outbox;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import tools.jackson.databind.ObjectMapper;

/** A reply an integration writes in HTML reaches the customer as that HTML (sanitised), with a text part read from it. */
@IntegrationTest
class HtmlReplyMailIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void anHtmlReplyIsMailedAsHtmlWithATextPartWithoutTags() {
        ApiClient api = new ApiClient(port);
        Team team = teams.create("Html team " + UUID.randomUUID(), "", Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        String token = bearer(tokens.create(agent.id(), "test", Initiator.system()).secret());
        HttpResponse<String> created = api.postJson("/api/v1/tickets", """
                {"subject":"Html reply","body":"Help","requester":{"email":"html-%s@example.test","name":"Hal"},"team":%d}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), team.id().value()), token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long number = json.readTree(created.body()).get("number").asLong();

        HttpResponse<String> reply = api.postJson("/api/v1/tickets/" + number + "/messages", """
                {"kind":"public","html":"<p>Hello <b>there</b>,</p><p>see <a href=\\"https://example.com/manual\\">the manual</a>.</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script>"}""",
                token);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

        var mail = jdbc.sql("select o.text_body, o.html_body from outbound_mail o join ticket t on t.id = o.ticket_id "
                        + "where t.number = ? and o.kind = 'REPLY'")
                .param(number).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String text = mail[0];
        String html = mail[1];
        assertThat(html).contains("<p>Hello <b>there</b>,</p>", "the manual</a>", "<li>one</li>")
                .doesNotContain("&lt;", "<script", "alert(1)");
        assertThat(text).contains("Hello there,", "see the manual <https://example.com/manual>.", "- one\n- two")
                .doesNotContain("<p>", "<b>", "</", "script", "alert(1)");
        // The template around the message is still there, in both parts.
        assertThat(text).contains("reply to this email to answer");
        assertThat(html).contains("reply to this email to answer");
    }
}
