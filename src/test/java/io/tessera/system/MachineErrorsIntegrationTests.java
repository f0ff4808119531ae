package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Agent;
import io.tessera.identity.Role;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.RawHttp;

/**
 * Under {@code /api/} every error is an RFC 9457 problem with its true status — never a redirect to the
 * sign-in page, never an HTML page, never a session. A probe found API calls that failed through Spring's
 * error handling answered {@code 302 → /login} and stored the whole request, {@code Authorization} header
 * included, in a new database session: bearer tokens and Basic passwords at rest for eight hours.
 */
@IntegrationTest
@Import(MachineErrorsIntegrationTests.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class MachineErrorsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    /** A handler that fails as a bug would: the one way to meet a real 500 on purpose. */
    @RestController
    static class Failing {

        @GetMapping("/api/v1/test-only/failure")
        String fail() {
            throw new IllegalStateException("simulated defect in a handler");
        }
    }

    record Probe(String method, String target, String contentType, String body, int expected) {
    }

    private static final List<Probe> FAILING_CALLS = List.of(
            new Probe("GET", "/api/v1/me/", null, null, 404),
            new Probe("GET", "/api/v1/nothing-here", null, null, 404),
            new Probe("GET", "/api/v1/tickets/999999999", null, null, 404),
            new Probe("GET", "//api/v1/me", null, null, 400),
            new Probe("GET", "/api/v1//me", null, null, 400),
            new Probe("GET", "/api/v1/me;jsessionid=x", null, null, 400),
            new Probe("GET", "/api/v1/%zz", null, null, 400),
            new Probe("GET", "/api/v1/me?q={x}", null, null, 400),
            new Probe("DELETE", "/api/v1/me", null, null, 405),
            new Probe("POST", "/api/v1/tickets", "text/plain", "subject", 415),
            new Probe("POST", "/api/v1/tickets", "application/json", "{\"subject\": ", 400),
            new Probe("GET", "/api/v1/test-only/failure", null, null, 500));

    @Test
    void everyFailingApiCallIsAProblemAndLeavesNoSessionBehind() {
        Agent agent = Agents.create(agents, Role.ADMIN);
        String token = tokens.create(agent.id(), "probe", Initiator.system()).secret();
        String basic = Base64.getEncoder().encodeToString((agent.email() + ":" + Agents.PASSWORD).getBytes(StandardCharsets.UTF_8));
        long start = System.currentTimeMillis();

        List<String> wrong = new ArrayList<>();
        for (String authorization : List.of("Bearer " + token, "Basic " + basic)) {
            for (Probe probe : FAILING_CALLS) {
                RawHttp.Answer answer = send(probe, authorization);
                String what = probe.method() + " " + probe.target() + " (" + authorization.split(" ")[0] + ")";
                if (answer.status() != probe.expected()) {
                    wrong.add(what + ": " + answer.status() + " instead of " + probe.expected() + " " + answer.header("location"));
                }
                if (!String.valueOf(answer.header("content-type")).startsWith("application/problem+json")) {
                    wrong.add(what + ": content type " + answer.header("content-type"));
                } else if (!answer.body().contains("\"status\":" + probe.expected())) {
                    wrong.add(what + ": body " + answer.body());
                }
                if (answer.header("set-cookie") != null) {
                    wrong.add(what + ": set a cookie " + answer.header("set-cookie"));
                }
                if (answer.header("location") != null) {
                    wrong.add(what + ": redirected to " + answer.header("location"));
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(sessionsCreatedSince(start)).as("no session created by an API call").isZero();
        assertThat(jdbc.sql("select count(*) from spring_session_attributes where attribute_name like '%SAVED_REQUEST%'")
                .query(Long.class).single()).isZero();
        List<byte[]> stored = jdbc.sql("select attribute_bytes from spring_session_attributes").query(byte[].class).list();
        for (byte[] attribute : stored) {
            String text = new String(attribute, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(token).doesNotContain(basic).doesNotContain(Agents.PASSWORD);
        }
    }

    @Test
    void callsWithoutOrWithBadCredentialsAre401ProblemsWithoutASession() {
        long start = System.currentTimeMillis();
        for (String target : List.of("/api/v1/me", "/api/v1/me/", "/api/v1/nothing-here")) {
            for (String authorization : new String[] {null, "Bearer tsr_not-a-token", "Basic " + Base64.getEncoder()
                    .encodeToString("nobody@example.test:wrong-password".getBytes(StandardCharsets.UTF_8))}) {
                RawHttp.Answer answer = send(new Probe("GET", target, null, null, 401), authorization);
                assertThat(answer.status()).as(target + " " + authorization).isEqualTo(401);
                assertThat(answer.header("content-type")).startsWith("application/problem+json");
                assertThat(answer.header("www-authenticate")).isNotNull();
                assertThat(answer.header("set-cookie")).isNull();
            }
        }
        assertThat(sessionsCreatedSince(start)).isZero();
    }

    @Test
    void aServerErrorCarriesAnIdThatIsInTheLogWithItsCause(CapturedOutput output) {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "probe", Initiator.system()).secret();

        RawHttp.Answer answer = send(new Probe("GET", "/api/v1/test-only/failure", null, null, 500), "Bearer " + token);

        assertThat(answer.status()).isEqualTo(500);
        String errorId = answer.body().replaceAll(".*\"errorId\":\"(E-[0-9a-f]{8})\".*", "$1");
        assertThat(errorId).matches("E-[0-9a-f]{8}");
        assertThat(answer.body()).doesNotContain("simulated defect").doesNotContain("IllegalStateException");
        assertThat(output.getOut() + output.getErr()).contains(errorId).contains("simulated defect in a handler");
        assertThat(output.getOut() + output.getErr()).doesNotContain(token);
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheyAreParsed() throws Exception {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "probe", Initiator.system()).secret();
        byte[] huge = ("{\"subject\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> declared = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        // Without a length (chunked), the body is cut off as soon as it passes the limit.
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.body()).contains("TESSERA_API_MAX_BODY_SIZE");
        }
    }

    @Test
    void aForgedHostHeaderIsNeverReflectedInARedirect() {
        RawHttp.Answer page = RawHttp.send(port, "GET /tickets/1 HTTP/1.1\r\nHost: evil.test", null);
        RawHttp.Answer signedOut = RawHttp.send(port, "GET /logout HTTP/1.1\r\nHost: evil.test", null);

        for (RawHttp.Answer answer : List.of(page, signedOut)) {
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.header("location")).startsWith("/").doesNotContain("evil.test");
        }
    }

    private RawHttp.Answer send(Probe probe, String authorization) {
        StringBuilder head = new StringBuilder(probe.method() + " " + probe.target() + " HTTP/1.1\r\nHost: localhost:" + port);
        if (authorization != null) {
            head.append("\r\nAuthorization: ").append(authorization);
        }
        if (probe.contentType() != null) {
            head.append("\r\nContent-Type: ").append(probe.contentType());
        }
        return RawHttp.send(port, head.toString(), probe.body());
    }

    private long sessionsCreatedSince(long millis) {
        return jdbc.sql("select count(*) from spring_session where creation_time >= ?").param(millis - 1000)
                .query(Long.class).single();
    }
}
