package io.tessera.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP client for integration tests: keeps cookies, does not follow redirects (tests
 * assert them), and reads the CSRF token from the last HTML page it fetched, as a browser form would.
 */
public class HttpSession {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private String csrf;

    public HttpSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Page(int status, String location, String body, HttpResponse<String> raw) {
        public Document html() {
            return Jsoup.parse(body);
        }
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(uri(path)).GET().build());
        rememberCsrf(page);
        return page;
    }

    /** A GET whose body is kept as bytes, with this session's cookies (a download). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the last page, as the browser would. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, fields);
    }

    /** Posts a form whose fields may repeat (several checkboxes or a multi-select), with the CSRF token. */
    public Page post(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null && all.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        Page page = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        rememberCsrf(page);
        return page;
    }

    /** Posts a form with the CSRF token and one extra request header, e.g. {@code HX-Request} as htmx sends it. */
    public Page postWithHeader(String path, Map<String, String> form, String header, String value) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Posts exactly the given fields: no CSRF token unless the caller includes one. */
    public Page postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Page page = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        rememberCsrf(page);
        return page;
    }

    /**
     * Posts a {@code multipart/form-data} form (text fields with the last page's CSRF token, then files), as
     * a browser sends a form with {@code enctype="multipart/form-data"}.
     */
    public Page postMultipart(String path, Map<String, String> form, java.util.List<ApiClient.FilePart> files) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String boundary = "----tesserapage" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (ApiClient.FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name()
                    + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Page page = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        rememberCsrf(page);
        return page;
    }

    /** Signs in through the real login form and returns the response to the POST. */
    public Page signIn(String email, String password, boolean rememberMe) {
        get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        if (rememberMe) {
            form.put("remember-me", "on");
        }
        return post("/login", form);
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(c -> c.getValue()).findFirst().orElse(null);
    }

    public void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    private void rememberCsrf(Page page) {
        if (page.body() == null || !page.body().contains("_csrf")) {
            return;
        }
        Element input = page.html().selectFirst("input[name=_csrf]");
        if (input != null) {
            csrf = input.attr("value");
        }
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
