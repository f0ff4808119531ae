package io.tessera.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Raw RFC 5322 messages for tests, written out by hand so each test shows exactly the headers it
 * depends on. Every message gets a unique Message-ID unless one is given.
 */
public final class TestMail {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> extraHeaders = new ArrayList<>();
    private String body = "Hello,\n\nplease help.\n";

    private TestMail(String from, String subject) {
        headers.put("From", from);
        headers.put("To", "support@tessera.localhost");
        headers.put("Subject", subject);
        headers.put("Date", "Wed, 25 Nov 2026 09:00:00 +0000");
        headers.put("Message-ID", "<" + UUID.randomUUID() + "@mail.example>");
    }

    public static TestMail from(String from, String subject) {
        return new TestMail(from, subject);
    }

    public TestMail to(String to) {
        headers.put("To", to);
        return this;
    }

    public TestMail cc(String cc) {
        headers.put("Cc", cc);
        return this;
    }

    public TestMail replyTo(String replyTo) {
        headers.put("Reply-To", replyTo);
        return this;
    }

    public TestMail messageId(String id) {
        headers.put("Message-ID", "<" + id + ">");
        return this;
    }

    public TestMail inReplyTo(String id) {
        headers.put("In-Reply-To", "<" + id + ">");
        return this;
    }

    public TestMail references(String... ids) {
        headers.put("References", String.join(" ", java.util.Arrays.stream(ids).map(id -> "<" + id + ">").toList()));
        return this;
    }

    public TestMail header(String name, String value) {
        extraHeaders.add(name + ": " + value);
        return this;
    }

    public TestMail body(String text) {
        this.body = text;
        return this;
    }

    /** The Message-ID without angle brackets. */
    public String id() {
        String id = headers.get("Message-ID");
        return id.substring(1, id.length() - 1);
    }

    public byte[] bytes() {
        StringBuilder raw = new StringBuilder();
        headers.forEach((name, value) -> raw.append(name).append(": ").append(value).append("\r\n"));
        extraHeaders.forEach(line -> raw.append(line).append("\r\n"));
        raw.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        raw.append(body.replace("\r\n", "\n").replace("\n", "\r\n"));
        return raw.toString().getBytes(StandardCharsets.UTF_8);
    }
}
