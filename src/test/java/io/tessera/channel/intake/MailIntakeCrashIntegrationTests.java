package io.tessera.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.tessera.testing.DatabaseAvailability;
import io.tessera.testing.ProcessDatabase;
import io.tessera.testing.TesseraProcess;

/**
 * "Killing the process at any point loses and duplicates nothing" (docs/email.md), tested the hard way:
 * the packaged Tessera runs as its own process on a file database (H2 in a temp directory, or a fresh
 * PostgreSQL schema), a relay delivers a stream of mail to its SMTP receiver, and the server is killed
 * with SIGKILL several times — half way through a transfer, between the final dot and the reply (which the
 * relay then never reads, as if the 250 was lost), right after a 250, and while the workers are turning
 * stored mail into tickets — and started again each time.
 * Like a real relay, the test sends a message again until it gets a 250. Then it reads the tables:
 * every message stored once and processed, one ticket per request, every reply on its request's ticket,
 * one customer message per mail, one acknowledgement per ticket (CrashChecks).
 *
 * <p>The kill points and the mail are drawn from a seed printed at the start; rerun a failure with
 * {@code -Dtessera.crash.seed=<seed>}. Each server start's output is kept in {@code target/mail-crash/<db>/}.
 */
@ExtendWith(DatabaseAvailability.class)
class MailIntakeCrashIntegrationTests {

    private static final int MESSAGES = 70;
    private static final String ADMIN = "admin@crash.test";
    private static final String PASSWORD = "crash-test-password-2026";

    /** Where in the stream the server dies. */
    enum Crash { HALF_OF_DATA, AFTER_FINAL_DOT, RIGHT_AFTER_250, WHILE_PROCESSING }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void killingTheServerRepeatedlyLosesAndDoublesNoMail() throws Exception {
        long seed = Long.getLong("tessera.crash.seed", System.nanoTime());
        System.out.println("MailIntakeCrashIntegrationTests seed " + seed + " (rerun: -Dtessera.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Map<Integer, Crash> crashes = crashPlan(random);
        System.out.println("crashes at message ordinals " + crashes);

        int httpPort = TesseraProcess.freePort();
        int smtpPort = TesseraProcess.freePort();
        long started = System.nanoTime();
        try (ProcessDatabase database = ProcessDatabase.create("mail_crash")) {
            Path logs = Files.createDirectories(Path.of("target", "mail-crash", database.kind()));
            Map<String, String> environment = new TreeMap<>(database.environment());
            environment.putAll(Map.of("SERVER_PORT", String.valueOf(httpPort),
                    "TESSERA_SMTP_RECEIVER_PORT", String.valueOf(smtpPort), "TESSERA_SMTP_RECEIVER_BIND", "127.0.0.1",
                    "TESSERA_DEMO", "false", "TESSERA_ADMIN_EMAIL", ADMIN, "TESSERA_ADMIN_PASSWORD", PASSWORD));
            // The sweep picks up mail a crash left unprocessed; every second instead of 15 keeps the test short.
            List<String> arguments = List.of("--tessera.mail.sweep-interval=1s");
            List<CrashMail.Mail> accepted = new ArrayList<>();
            try (TesseraProcess server = new TesseraProcess(environment, arguments, logs)) {
                server.start();
                deliver(new CrashMail(random), crashes, random, server, new SmtpRelay(smtpPort), accepted, httpPort);
                long streamed = System.nanoTime();
                awaitProcessed(httpPort);
                System.out.printf("the last stored mail was processed %.1f s after the stream ended%n",
                        (System.nanoTime() - streamed) / 1e9);
                System.out.printf("%d messages accepted across %d server starts in %.1f s%n", accepted.size(),
                        server.starts(), (System.nanoTime() - started) / 1e9);
                server.stop(); // an H2 file database is single-process: the checks read it after the server
            }
            try (Connection db = database.connect()) {
                List<String> violations = new CrashChecks(db).verify(accepted);
                assertThat(violations).as("seed %d, crashes %s", seed, crashes).isEmpty();
            }
        }
    }

    /**
     * Four kills, one of each kind in a seeded order, each somewhere in its own quarter of the stream. Four,
     * not more: each costs a server start (5-10 s on two cores), and the kinds, not the count, are what
     * reach the different windows.
     */
    private static Map<Integer, Crash> crashPlan(Random random) {
        List<Crash> kinds = new ArrayList<>(List.of(Crash.values()));
        Collections.shuffle(kinds, random);
        Map<Integer, Crash> plan = new TreeMap<>();
        int span = (MESSAGES - 10) / kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            plan.put(5 + i * span + random.nextInt(span), kinds.get(i));
        }
        return plan;
    }

    /** The relay: each message until it gets a 250, the server killed and restarted where the plan says. */
    private void deliver(CrashMail mail, Map<Integer, Crash> crashes, Random random, TesseraProcess server, SmtpRelay relay,
                         List<CrashMail.Mail> accepted, int httpPort) throws Exception {
        List<CrashMail.Acknowledgement> acknowledged = acknowledgements(httpPort);
        for (int i = 1; i <= MESSAGES; i++) {
            if (i % 8 == 0) {
                acknowledged = acknowledgements(httpPort);
            }
            CrashMail.Mail next = mail.next(acknowledged);
            Crash crash = crashes.get(i);
            SmtpRelay.Point point = crash == Crash.HALF_OF_DATA ? SmtpRelay.Point.HALF_OF_DATA
                    : crash == Crash.AFTER_FINAL_DOT ? SmtpRelay.Point.AFTER_FINAL_DOT : null;
            // After the dot, a moment for the server to store the message (or not) before it dies.
            int grace = random.nextInt(60);
            boolean delivered = relay.send(next.from(), CrashMail.SUPPORT, next.raw(), point, at -> {
                if (at == SmtpRelay.Point.AFTER_FINAL_DOT) {
                    pause(grace);
                }
                server.kill();
            });
            if (delivered && crash == Crash.RIGHT_AFTER_250) {
                server.kill();
            } else if (delivered && crash == Crash.WHILE_PROCESSING) {
                pause(random.nextInt(300));
                server.kill();
            }
            for (int attempt = 1; !delivered; attempt++) {
                assertThat(attempt).as("attempts to deliver %s", next.messageId()).isLessThan(10);
                if (!server.running()) {
                    server.start();
                } else {
                    pause(500); // a refusal (4xx) with the server up: retry a little later, like a relay
                }
                delivered = relay.send(next.from(), CrashMail.SUPPORT, next.raw());
            }
            accepted.add(next);
            if (!server.running()) {
                server.start();
                acknowledged = acknowledgements(httpPort);
            }
        }
    }

    /** What the outbox says was acknowledged: the requests a customer may now answer. */
    private List<CrashMail.Acknowledgement> acknowledgements(int httpPort) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/api/v1/outbox?limit=200")).header("Authorization", basic()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET /api/v1/outbox: %s", answer.body()).isEqualTo(200);
        List<CrashMail.Acknowledgement> acknowledged = new ArrayList<>();
        for (JsonNode item : json.readTree(answer.body()).get("items")) {
            if ("acknowledgement".equals(item.get("kind").asString())) {
                acknowledged.add(new CrashMail.Acknowledgement(strip(item.get("inReplyTo").asString()),
                        strip(item.get("messageId").asString()), item.get("subject").asString()));
            }
        }
        return acknowledged;
    }

    /** Until no stored mail waits: what the last crash left behind is picked up by the sweep. */
    private void awaitProcessed(int httpPort) throws Exception {
        HttpRequest waiting = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + "/api/v1/mail/inbound?status=RECEIVED&limit=1")).header("Authorization", basic()).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(waiting, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && json.readTree(answer.body()).get("items").isEmpty()) {
                return;
            }
            pause(500);
        }
        throw new AssertionError("stored mail still waiting for processing after 60 s");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String strip(String id) {
        return id == null ? null : id.replaceAll("^<|>$", "");
    }
}
