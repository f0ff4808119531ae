package io.tessera.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ReducedMotion;

/**
 * Headless Debian Chromium driven by Playwright, as STACK.md describes: Playwright's own browser download
 * is skipped (the machine cannot reach it) and the flags keep Chromium off the closed network.
 * Screenshots go to {@code target/screenshots/<database>/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get(System.getProperty("tessera.test.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final BrowserContext context;
    private final String base;

    public Browser(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Chromium is not installed at " + CHROMIUM
                    + ". Install it with: apt-get install -y --no-install-recommends chromium (.ci/run does this).");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        // Reduced motion: Bootstrap then scrolls instantly instead of smoothly. With smooth scrolling a click on a
        // button below the fold could land while the page was still moving, and was lost without a trace — no
        // request, no error (SlaAdminBrowserTests' Save did nothing about one run in six).
        this.context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setReducedMotion(ReducedMotion.REDUCE));
        this.base = "http://localhost:" + port;
        // Playwright's 5 s for an assertion is short on a 2-core CI machine that runs Chromium, the server and
        // PostgreSQL at once: a form post and the page after it can take longer there without anything
        // being wrong. Waits end as soon as the condition holds, so a longer limit costs nothing when green.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    public Page open(String path) {
        Page page = context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
        page.navigate(base + path);
        return page;
    }

    /** Signs in through the login form and waits for the workspace: the page every test then starts from. */
    public Page signIn(String email, String password) {
        Page page = open("/login");
        page.fill("#email", email);
        page.fill("#password", password);
        page.click("#sign-in");
        page.waitForURL(url("/"));
        return page;
    }

    public String url(String path) {
        return base + path;
    }

    /** Saves a full-page screenshot under target/screenshots/&lt;database&gt;/&lt;name&gt;.png. */
    public static void screenshot(Page page, String name) {
        Path file = Paths.get("target", "screenshots", TestDatabase.kind(), name + ".png");
        // The icon font loads after the page; without this wait some pictures show blanks where icons go.
        page.evaluate("() => document.fonts.ready");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        // A full-page screenshot resizes the viewport and back; let the page lay out again before the next click.
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
