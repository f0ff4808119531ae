package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.RawHttp;

/** The security and caching headers every answer carries, and the cookies' attributes. */
@IntegrationTest
class ResponseHeadersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void pagesAndApiAnswersIsolateThemselvesFromOtherSites() {
        RawHttp.Answer page = RawHttp.get(port, "/login");
        RawHttp.Answer api = RawHttp.get(port, "/api/v1/me");

        for (RawHttp.Answer answer : List.of(page, api)) {
            assertThat(answer.header("cross-origin-opener-policy")).isEqualTo("same-origin");
            assertThat(answer.header("cross-origin-resource-policy")).isEqualTo("same-origin");
            assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        }
        assertThat(page.header("permissions-policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(page.header("content-security-policy")).contains("script-src 'self'");
        assertThat(page.header("cache-control")).contains("no-store");
    }

    @Test
    void theRememberMeCookieIsSameSiteAndHttpOnly() {
        HttpSession browser = new HttpSession(port);
        HttpSession.Page signedIn = browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, true);

        String rememberMe = signedIn.raw().headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("remember-me=")).findFirst().orElseThrow();
        assertThat(rememberMe).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void staticFilesAreLinkedByFingerprintAndCachedForAYear() {
        Document login = new HttpSession(port).get("/login").html();
        List<String> assets = login.select("link[rel=stylesheet], script[src]").eachAttr("href");
        assets = new java.util.ArrayList<>(assets);
        assets.addAll(login.select("script[src]").eachAttr("src"));
        assets.removeIf(String::isEmpty);
        assertThat(assets).isNotEmpty().allMatch(url -> url.matches(".*-[0-9a-f]{32}\\.(css|js)$"), "fingerprinted");

        ApiClient client = new ApiClient(port);
        for (String asset : assets) {
            HttpResponse<String> cached = client.get(asset, null);
            assertThat(cached.statusCode()).as(asset).isEqualTo(200);
            assertThat(cached.headers().firstValue("Cache-Control").orElseThrow()).as(asset)
                    .isEqualTo("public, max-age=31536000, immutable");
        }
        HttpResponse<String> plain = client.get("/css/tessera.css", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).as("checked each time").isEqualTo("no-cache");
        HttpResponse<String> missing = client.get("/css/none-0123456789abcdef0123456789abcdef.css", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("max-age=31536000");
    }

    @Test
    void fingerprintedStylesheetsLinkTheirFontsByFingerprintToo() {
        Document login = new HttpSession(port).get("/login").html();
        String icons = login.select("link[rel=stylesheet]").eachAttr("href").stream()
                .filter(href -> href.contains("bootstrap-icons")).findFirst().orElseThrow();
        String css = new ApiClient(port).get(icons, null).body();
        assertThat(css).containsPattern("fonts/bootstrap-icons-[0-9a-f]{32}\\.woff2");
    }
}
