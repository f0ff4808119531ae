package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;

/**
 * A NUL (or another control character) in any JSON body bound to a record is a 400 naming the field on
 * both databases — not accepted on H2 and a 500 on PostgreSQL, which cannot store U+0000.
 */
@IntegrationTest
class ControlCharactersInBodiesIntegrationTests {

    @LocalServerPort
    int port;

    private final String admin = ApiClient.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);

    @Test
    void aNulInARecordBoundBodyIsA400NamingTheField() {
        ApiClient api = new ApiClient(port);

        HttpResponse<String> canned = api.postJson("/api/v1/canned-responses",
                "{\"title\":\"Refund\\u0000policy\",\"body\":\"Hello\",\"shared\":true}", admin);
        HttpResponse<String> macro = api.postJson("/api/v1/macros",
                "{\"name\":\"Close\",\"description\":\"bell\\u0007\",\"shared\":true,\"actions\":[]}", admin);
        HttpResponse<String> agent = api.postJson("/api/v1/admin/agents",
                "{\"email\":\"nul" + System.nanoTime() + "@example.test\",\"name\":\"Null\\u0000Byte\",\"role\":\"agent\"}", admin);

        assertThat(canned.statusCode()).isEqualTo(400);
        assertThat(canned.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(canned.body()).contains("\"field\":\"title\"", "U+0000");
        assertThat(macro.statusCode()).isEqualTo(400);
        assertThat(macro.body()).contains("\"field\":\"description\"", "U+0007");
        assertThat(agent.statusCode()).isEqualTo(400);
        assertThat(agent.body()).contains("\"field\":\"name\"");
    }

    @Test
    void tabsAndLineBreaksInTextAreFine() {
        HttpResponse<String> canned = new ApiClient(port).postJson("/api/v1/canned-responses",
                "{\"title\":\"Lines " + System.nanoTime() + "\",\"body\":\"Hello,\\n\\tthanks\\r\\nBye\",\"shared\":true}", admin);

        assertThat(canned.statusCode()).isEqualTo(201);
    }
}
