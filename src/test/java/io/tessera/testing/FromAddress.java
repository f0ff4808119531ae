package io.tessera.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An HTTP client whose connections come from a chosen client address, so tests can be "another computer"
 * without trusting {@code X-Forwarded-For}. Linux routes all of 127.0.0.0/8 to the loopback interface, so a
 * socket bound to 127.0.3.7 reaches the server, which sees 127.0.3.7 as the remote address. (Java 17's
 * HttpClient cannot bind its local address, hence plain HTTP/1.0 over a socket: one request per
 * connection, no chunked bodies.)
 */
public class FromAddress {

    // Every test gets addresses no other test used in this JVM: failures counted per address outlive a test.
    private static final AtomicInteger NEXT = new AtomicInteger(2 * 256 + 1);

    private final int port;
    private final InetAddress address;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public FromAddress(int port, InetAddress address) {
        this.port = port;
        this.address = address;
    }

    /** A client on a loopback address of its own (127.0.x.y, never 127.0.0.1). */
    public static FromAddress fresh(int port) {
        int n = NEXT.getAndIncrement();
        try {
            return new FromAddress(port, InetAddress.getByAddress(new byte[] {127, 0, (byte) (n / 254), (byte) (1 + n % 254)}));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return address.getHostAddress();
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public String location() {
            return headers.get("location");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Signs in through the login form (a fresh session each time, as an attacker's script would). */
    public Response signIn(String email, String password) {
        cookies.clear();
        Response login = request("GET", "/login", null, Map.of());
        Element csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", password);
        form.put("_csrf", csrf.attr("value"));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request("POST", "/login", body, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** A GET with an {@code Authorization} header (HTTP Basic or a bearer token), or none. */
    public Response get(String path, String authorization) {
        return request("GET", path, null, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private Response request(String method, String path, String body, Map<String, String> headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String raw = all.toString(StandardCharsets.UTF_8);
        int split = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> setCookies = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.putIfAbsent(name, value);
            if (name.equals("set-cookie")) {
                setCookies.add(value);
            }
        }
        for (String cookie : setCookies) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Response(status, headers, raw.substring(split + 4));
    }
}
