package io.tessera.channel.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The mail the crash test sends: new requests from a dozen customers and their replies, each with its own
 * Message-ID, drawn from a seeded {@link Random} so a failing run can be replayed. No customer opens more
 * than three tickets, so every new ticket is owed exactly one acknowledgement (the limit is 3 per sender
 * in 10 minutes). Some messages carry a file, so processing also writes attachments.
 *
 * <p>A reply is only written to a request whose acknowledgement the customer has received (it is in the
 * outbox): people answer mail they got. Half answer the acknowledgement the way a mail client's "Reply"
 * does (In-Reply-To our signed id, References both ids), half follow up on their own first mail (its id
 * only), so both the signed-token and the stored-id threading rules are exercised.
 */
final class CrashMail {

    static final String SUPPORT = "support@tessera.localhost";
    private static final int CUSTOMERS = 12;
    private static final int TICKETS_PER_CUSTOMER = 3;

    /** One message as sent; {@code parent} is the Message-ID of the request a reply belongs to. */
    record Mail(int ordinal, String messageId, String from, String subject, String parent, boolean attachment, byte[] raw) {
        boolean reply() {
            return parent != null;
        }
    }

    /** What the outbox says about a request: its acknowledgement's Message-ID and subject. */
    record Acknowledgement(String requestId, String messageId, String subject) {
    }

    private final Random random;
    private final String run;
    private final Map<String, Integer> ticketsOpened = new HashMap<>();
    private final Map<String, Mail> requests = new HashMap<>();
    private int ordinal;

    CrashMail(Random random) {
        this.random = random;
        this.run = Long.toString(random.nextLong() & 0xffffffffL, 36);
    }

    /** The next message: a reply to an acknowledged request about a third of the time, else a new request. */
    Mail next(List<Acknowledgement> acknowledged) {
        ordinal++;
        List<Acknowledgement> answerable = acknowledged.stream().filter(a -> requests.containsKey(a.requestId())).toList();
        boolean reply = !answerable.isEmpty() && (random.nextInt(3) == 0 || customersLeft().isEmpty());
        if (reply) {
            return reply(answerable.get(random.nextInt(answerable.size())));
        }
        return request();
    }

    private Mail request() {
        List<String> customers = customersLeft();
        String from = customers.get(random.nextInt(customers.size()));
        ticketsOpened.merge(from, 1, Integer::sum);
        String id = "crash-" + run + "-" + ordinal + "@customer.crash.test";
        String subject = "Request " + ordinal + ": " + TOPICS[random.nextInt(TOPICS.length)];
        boolean file = random.nextInt(5) == 0;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<" + id + ">");
        headers.put("Subject", subject);
        Mail mail = new Mail(ordinal, id, from, subject, null, file, message(from, headers, body(), file));
        requests.put(id, mail);
        return mail;
    }

    private Mail reply(Acknowledgement to) {
        Mail request = requests.get(to.requestId());
        String id = "crash-" + run + "-" + ordinal + "-re@customer.crash.test";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<" + id + ">");
        String subject;
        if (random.nextBoolean()) {
            subject = "Re: " + to.subject();
            headers.put("In-Reply-To", "<" + to.messageId() + ">");
            headers.put("References", "<" + request.messageId() + "> <" + to.messageId() + ">");
        } else {
            subject = "Re: " + request.subject();
            headers.put("In-Reply-To", "<" + request.messageId() + ">");
            headers.put("References", "<" + request.messageId() + ">");
        }
        headers.put("Subject", subject);
        boolean file = random.nextInt(5) == 0;
        return new Mail(ordinal, id, request.from(), subject, request.messageId(), file,
                message(request.from(), headers, "Some more detail, message " + ordinal + ".\n\n" + body(), file));
    }

    private List<String> customersLeft() {
        List<String> left = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String address = "customer" + i + "." + run + "@crash.test";
            if (ticketsOpened.getOrDefault(address, 0) < TICKETS_PER_CUSTOMER) {
                left.add(address);
            }
        }
        return left;
    }

    private String body() {
        StringBuilder body = new StringBuilder("Hello,\n\n");
        int lines = 3 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            body.append(LINES[random.nextInt(LINES.length)]).append('\n');
        }
        // A line starting with a dot: the relay must dot-stuff it and the receiver un-stuff it.
        body.append(".done, line ").append(lines).append("\n\nThanks\n");
        return body.toString();
    }

    private byte[] message(String from, Map<String, String> headers, String text, boolean file) {
        StringBuilder raw = new StringBuilder();
        raw.append("From: ").append(from).append("\r\n");
        raw.append("To: ").append(SUPPORT).append("\r\n");
        raw.append("Date: Wed, 02 Dec 2026 07:00:00 +0000\r\n");
        headers.forEach((name, value) -> raw.append(name).append(": ").append(value).append("\r\n"));
        raw.append("MIME-Version: 1.0\r\n");
        if (!file) {
            raw.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").append(text);
            return raw.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] content = new byte[4096 + random.nextInt(60_000)];
        random.nextBytes(content);
        raw.append("Content-Type: multipart/mixed; boundary=\"b-crash\"\r\n\r\n")
                .append("--b-crash\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(text).append("\r\n")
                .append("--b-crash\r\nContent-Type: application/octet-stream\r\n")
                .append("Content-Disposition: attachment; filename=\"log-").append(ordinal).append(".bin\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n--b-crash--\r\n");
        return raw.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] TOPICS = {"the printer jams", "cannot sign in", "invoice is wrong", "VPN drops",
            "Grüße aus München: Umlaute im Betreff", "laptop battery", "password reset mail never came", "export to CSV fails"};
    private static final String[] LINES = {"It started on Monday after the update.", "I tried restarting twice.",
            "The error says: connection refused (code 17).", "Colleagues on the same floor see it too.",
            "Attached is what the log said, if it helps.", "Ça marche toujours pas, désolé.", "Could you call me back?",
            "> quoted from an earlier mail", "-- ", "Sent from my phone"};
}
