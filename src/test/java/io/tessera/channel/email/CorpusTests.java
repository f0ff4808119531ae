package io.tessera.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.tessera.conversation.MessageFormatting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs every case of the email corpus ({@code ../shared/corpus/email}, or the directory named by the system
 * property {@code tessera.email.corpus}) through {@link MailParser}, {@link MachineMail} and {@link ReplyText},
 * and checks what the source project's own tests assert (see {@link CorpusChecks} for which keys, and how they
 * are compared). A check that fails must be listed with its reason in
 * {@code src/test/resources/mail/corpus-known-failures.txt}; a listed check that passes fails the test too, so the
 * list stays true. Pass rates per source and per kind are written to {@code target/email-corpus-summary.md}.
 * Skipped, with a message, when the corpus is not there (a fresh clone in CI).
 */
class CorpusTests {

    private static final Map<String, int[]> BY_SOURCE = new ConcurrentHashMap<>();
    private static final Map<String, int[]> BY_KIND = new ConcurrentHashMap<>();
    private static final List<String> UNEXPECTED = java.util.Collections.synchronizedList(new ArrayList<>());
    private static volatile Path corpus;

    static Path corpusDirectory() {
        String configured = System.getProperty("tessera.email.corpus");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "shared", "corpus", "email");
        return Files.isRegularFile(path.resolve("cases.json")) ? path : null;
    }

    private static final String ABSENT = "Email corpus not found at ../shared/corpus/email (set "
            + "-Dtessera.email.corpus=<dir> to run it); the corpus suite is skipped";

    /** Reported as skipped, with the reason, when the corpus is absent (a skipped factory is not reported). */
    @Test
    void corpusIsAvailable() {
        Assumptions.assumeTrue(corpusDirectory() != null, ABSENT);
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusCase() throws IOException {
        corpus = corpusDirectory();
        Assumptions.assumeTrue(corpus != null, ABSENT);
        JsonNode cases = new ObjectMapper().readTree(corpus.resolve("cases.json").toFile());
        Map<String, String> known = knownFailures();
        CorpusChecks checks = new CorpusChecks(corpus, new MailParser(new MessageFormatting()), new MessageFormatting());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode item : cases) {
            String id = item.get("id").asString();
            tests.add(DynamicTest.dynamicTest(id, () -> {
                List<CorpusChecks.Result> results = checks.run(item);
                List<String> surprises = new ArrayList<>();
                for (CorpusChecks.Result result : results) {
                    count(BY_SOURCE, item.get("source").asString(), result.passed());
                    count(BY_KIND, result.kind(), result.passed());
                    String key = id + " " + result.key();
                    boolean listed = known.containsKey(key);
                    if (!result.passed() && !listed) {
                        surprises.add("FAILS " + key + ": " + result.detail());
                    } else if (result.passed() && listed) {
                        surprises.add("PASSES but is listed as a known failure, remove it: " + key);
                    }
                }
                UNEXPECTED.addAll(surprises);
                assertThat(surprises).as(id).isEmpty();
            }));
        }
        return tests.stream();
    }

    private static void count(Map<String, int[]> counts, String key, boolean passed) {
        int[] pair = counts.computeIfAbsent(key, k -> new int[2]);
        synchronized (pair) {
            pair[0] += passed ? 1 : 0;
            pair[1]++;
        }
    }

    /** {@code <case id> <check key>  # reason}; blank lines and lines starting with # ignored. */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (InputStream in = CorpusTests.class.getResourceAsStream("/mail/corpus-known-failures.txt")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int hash = entry.indexOf('#');
                String key = (hash < 0 ? entry : entry.substring(0, hash)).strip().replaceAll("\\s+", " ");
                known.put(key, hash < 0 ? "" : entry.substring(hash + 1).strip());
            }
        }
        return known;
    }

    @AfterAll
    static void writeSummary() throws IOException {
        if (corpus == null || BY_SOURCE.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("# Email corpus pass rates\n\nChecks passed / checks run (one check = one "
                + "asserted key of one case).\n\n| source | passed | checks | rate |\n|---|---|---|---|\n");
        table(out, BY_SOURCE);
        out.append("\n| kind | passed | checks | rate |\n|---|---|---|---|\n");
        table(out, BY_KIND);
        if (!UNEXPECTED.isEmpty()) {
            out.append("\n## Unexpected results\n\n");
            UNEXPECTED.stream().sorted().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("email-corpus-summary.md"), out.toString());
        // Printed too, so that running this test alone is the command that shows the pass rates (docs/email.md).
        System.out.println(out);
    }

    private static void table(StringBuilder out, Map<String, int[]> counts) {
        int passed = 0;
        int total = 0;
        for (Map.Entry<String, int[]> entry : new TreeMap<>(counts).entrySet()) {
            int[] pair = entry.getValue();
            out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.1f%% |%n", entry.getKey(), pair[0],
                    pair[1], 100.0 * pair[0] / pair[1]));
            passed += pair[0];
            total += pair[1];
        }
        out.append(String.format(java.util.Locale.ROOT, "| **all** | %d | %d | %.1f%% |%n", passed, total,
                100.0 * passed / Math.max(1, total)));
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String collapse(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    static String textOfHtml(String html) {
        return Jsoup.parse(html).text();
    }

    static boolean same(Object expected, Object actual) {
        return Objects.equals(expected, actual);
    }

    static final Set<String> REPLY_SOURCES = Set.of("github-email_reply_parser", "willdurand-EmailReplyParser",
            "crisp-oss-email-reply-parser", "mailgun-talon");
}
