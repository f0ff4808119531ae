package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

@IntegrationTest
class ErrorPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void unknownPagesShowTheNotFoundPage() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);

        for (String path : new String[] {"/no-such-page", "/tickets/999999999", "/admin/agents/999999"}) {
            HttpSession.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.html().select("#error-title").text()).isEqualTo("Page not found");
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("at io.tessera");
        }
    }

    @Test
    void serverErrorsDoNotLeakDetails() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);

        HttpSession.Page page = browser.get("/?after=not-a-valid-cursor");

        assertThat(page.status()).isBetween(400, 599);
        assertThat(page.body()).doesNotContain("Exception").doesNotContain("Invalid cursor").doesNotContain("at io.tessera");
    }

    @Test
    void unknownApiPathsAnswerWithAProblem() {
        HttpResponse<String> response = new ApiClient(port).get("/api/v1/nothing-here",
                ApiClient.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":404");
    }
}
