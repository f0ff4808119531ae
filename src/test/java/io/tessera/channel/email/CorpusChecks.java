package io.tessera.channel.email;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.tessera.conversation.MessageFormatting;
import tools.jackson.databind.JsonNode;

/**
 * The checks of one corpus case: each asserted key we evaluate becomes one {@link Result}. Comparison rules
 * (also in docs/email-parsing.md):
 * <ul>
 *   <li>must-not-crash: every full message parses, or fails with {@link MailParseException} (never another
 *       exception); {@code parse_must_raise} expects a {@link MailParseException}.</li>
 *   <li>addresses: first From/To address and display name exact; address lists compared by address (and, for
 *       php-mime-mail-parser, display names that differ from the address).</li>
 *   <li>subject: exact after trimming both sides (Zammad keeps a trailing space, we trim subjects).</li>
 *   <li>threading: Message-ID, In-Reply-To, References without angle brackets, exact.</li>
 *   <li>attachments: count; per attachment the recorded file name, content type, decoded size, md5 and content
 *       (zbateson reference files); Zammad's "message.html" (its copy of the HTML body) is not an attachment
 *       here and is skipped, the other Zammad attachments must occur by md5.</li>
 *   <li>body: zbateson's text/HTML reference files, whitespace-collapsed (HTML compared as its text).</li>
 *   <li>bounce/auto-reply: {@code is_bounce} ⇔ {@link MachineMail.Kind#BOUNCE}, {@code is_auto_reply} ⇔
 *       {@link MachineMail.Kind#AUTO_REPLY}.</li>
 *   <li>reply: {@code visible_text} / talon's {@code reply_text} equal {@link ReplyText.Split#visible()} after
 *       trimming both; {@code *_ws_insensitive} compare with all whitespace removed.</li>
 *   <li>signature: talon's {@code signature} / {@code text_without_signature} equal
 *       {@link ReplyText.Split#signature()} / {@link ReplyText.Split#visible()} after trimming.</li>
 * </ul>
 * Keys not listed (fragment-level details of the reply parsers, Zammad's own HTML normalisation, MIME tree
 * shapes, ...) are not evaluated: they describe those libraries' internals, not what a help desk needs.
 */
final class CorpusChecks {

    record Result(String kind, String key, boolean passed, String detail) {
    }

    private final Path corpus;
    private final MailParser parser;
    private final MessageFormatting formatting;

    CorpusChecks(Path corpus, MailParser parser, MessageFormatting formatting) {
        this.corpus = corpus;
        this.parser = parser;
        this.formatting = formatting;
    }

    List<Result> run(JsonNode item) throws IOException {
        String source = item.get("source").asString();
        JsonNode expect = item.get("expect");
        List<Result> results = new ArrayList<>();
        if (CorpusTests.REPLY_SOURCES.contains(source)) {
            replyChecks(item, expect, results);
            return results;
        }
        byte[] raw = Files.readAllBytes(corpus.resolve(item.get("raw").asString()));
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MailParseException e) {
            boolean expected = expect.has("parse_must_raise");
            results.add(new Result("must-not-crash", expected ? "parse_must_raise" : "parse", expected,
                    "MailParseException: " + e.getMessage()));
            return results;
        } catch (RuntimeException e) {
            results.add(new Result("must-not-crash", "parse", false, e.toString()));
            return results;
        }
        results.add(new Result("must-not-crash", expect.has("parse_must_raise") ? "parse_must_raise" : "parse",
                !expect.has("parse_must_raise"), "parsed"));
        addressChecks(source, expect, mail, results);
        headerChecks(expect, mail, results);
        attachmentChecks(source, expect, mail, results);
        bodyChecks(expect, mail, results);
        machineChecks(expect, mail, results);
        return results;
    }

    private void addressChecks(String source, JsonNode expect, ParsedMail mail, List<Result> results) {
        MailAddress from = mail.from() == null ? new MailAddress("", "") : mail.from();
        MailAddress to = mail.to().isEmpty() ? new MailAddress("", "") : mail.to().get(0);
        equal(results, "addresses", "from_email", expect, from.address());
        equal(results, "addresses", "from_display_name", expect, from.name());
        equal(results, "addresses", "to_email", expect, to.address());
        equal(results, "addresses", "to_display_name", expect, to.name());
        addressList(results, "from_addresses", expect, mail.from() == null ? List.of() : List.of(mail.from()));
        addressList(results, "to_addresses", expect, mail.to());
        if (source.equals("nodemailer-mailparser") && expect.has("to") && expect.get("to").isArray()) {
            List<String> expected = new ArrayList<>();
            expect.get("to").forEach(a -> expected.add(a.get("address").asString() + "|" + a.get("name").asString()));
            List<String> actual = mail.to().stream().map(a -> a.address() + "|" + a.name()).toList();
            results.add(new Result("addresses", "to", expected.equals(actual), "got " + actual));
        }
    }

    private static void addressList(List<Result> results, String key, JsonNode expect, List<MailAddress> actual) {
        if (!expect.has(key)) {
            return;
        }
        List<String> expected = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (JsonNode node : expect.get(key)) {
            if (node.isObject()) {
                String address = node.get("address").asString();
                String display = node.get("display").asString();
                expected.add(display.equals(address) ? address.toLowerCase(Locale.ROOT)
                        : address.toLowerCase(Locale.ROOT) + "|" + display);
            } else {
                expected.add(node.asString().toLowerCase(Locale.ROOT));
            }
        }
        boolean withNames = expect.get(key).size() > 0 && expect.get(key).get(0).isObject();
        for (MailAddress address : actual) {
            got.add(withNames && !address.name().isEmpty() && !address.name().equals(address.address())
                    ? address.normalized() + "|" + address.name() : address.normalized());
        }
        results.add(new Result("addresses", key, expected.equals(got), "expected " + expected + " got " + got));
    }

    private static void headerChecks(JsonNode expect, ParsedMail mail, List<Result> results) {
        if (expect.has("subject")) {
            String expected = expect.get("subject").asString().strip();
            results.add(new Result("subject", "subject", expected.equals(mail.subject().strip()),
                    "got \"" + mail.subject() + "\""));
        }
        equal(results, "threading", "message_id", expect, mail.messageId());
        idList(results, "in_reply_to", expect, mail.inReplyTo());
        idList(results, "references", expect, mail.references());
    }

    private static void idList(List<Result> results, String key, JsonNode expect, List<String> actual) {
        if (!expect.has(key)) {
            return;
        }
        List<String> expected = new ArrayList<>();
        JsonNode node = expect.get(key);
        if (node.isArray()) {
            node.forEach(n -> expected.add(n.asString()));
        } else if (!node.isNull()) {
            expected.add(node.asString());
        }
        results.add(new Result("threading", key, expected.equals(actual), "got " + actual));
    }

    private void attachmentChecks(String source, JsonNode expect, ParsedMail mail, List<Result> results)
            throws IOException {
        List<MailAttachment> files = mail.attachments();
        if (expect.has("attachment_count")) {
            int expected = expect.get("attachment_count").asInt();
            results.add(new Result("attachments", "attachment_count", expected == files.size(),
                    "got " + files.size() + " " + files.stream().map(MailAttachment::fileName).toList()));
        }
        if (!expect.has("attachments")) {
            return;
        }
        if (source.equals("zammad")) {
            Set<String> md5s = new HashSet<>();
            files.forEach(file -> md5s.add(CorpusTests.md5(file.content())));
            List<String> missing = new ArrayList<>();
            for (JsonNode item : expect.get("attachments")) {
                if (item.path("zammad_html_alternative").asBoolean(false)) {
                    continue;
                }
                if (!md5s.contains(item.get("md5").asString())) {
                    missing.add(item.path("filename").asString());
                }
            }
            results.add(new Result("attachments", "attachments", missing.isEmpty(), "missing by md5: " + missing
                    + " got " + files.stream().map(MailAttachment::fileName).toList()));
            return;
        }
        List<String> problems = new ArrayList<>();
        JsonNode items = expect.get("attachments");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (i >= files.size()) {
                problems.add("#" + i + " missing");
                continue;
            }
            MailAttachment file = files.get(i);
            if (item.has("filename") && !item.get("filename").asString().equals(file.fileName())) {
                problems.add("#" + i + " name " + file.fileName());
            }
            if (item.has("content_type") && !item.get("content_type").asString().toLowerCase(Locale.ROOT)
                    .startsWith(file.contentType())) {
                problems.add("#" + i + " type " + file.contentType());
            }
            long size = item.has("decoded_size") ? item.get("decoded_size").asLong() : item.path("size").asLong(-1);
            if (size >= 0 && size != file.size()) {
                problems.add("#" + i + " size " + file.size());
            }
            if (item.has("md5") && !item.get("md5").asString().equals(CorpusTests.md5(file.content()))) {
                problems.add("#" + i + " md5");
            }
            if (item.has("content_equals_file")) {
                byte[] reference = Files.readAllBytes(corpus.resolve(item.get("content_equals_file").asString()));
                if (!Arrays.equals(reference, file.content())) {
                    problems.add("#" + i + " content");
                }
            }
        }
        results.add(new Result("attachments", "attachments", problems.isEmpty(), problems.toString()));
    }

    private void bodyChecks(JsonNode expect, ParsedMail mail, List<Result> results) throws IOException {
        if (expect.has("text_matches_file")) {
            String reference = new String(Files.readAllBytes(corpus.resolve(expect.get("text_matches_file").asString())),
                    StandardCharsets.ISO_8859_1);
            boolean same = CorpusTests.collapse(reference).equals(CorpusTests.collapse(mail.text()));
            results.add(new Result("body / charset", "text_matches_file", same, "text starts "
                    + CorpusTests.collapse(mail.text()).substring(0, Math.min(80, CorpusTests.collapse(mail.text()).length()))));
        }
        if (expect.has("html_text_matches_file")) {
            String reference = new String(
                    Files.readAllBytes(corpus.resolve(expect.get("html_text_matches_file").asString())),
                    StandardCharsets.ISO_8859_1);
            String text = CorpusTests.collapse(CorpusTests.textOfHtml(mail.html()));
            results.add(new Result("body / charset", "html_text_matches_file", CorpusTests.collapse(reference).equals(text),
                    "html text starts " + text.substring(0, Math.min(80, text.length()))));
        }
    }

    private static void machineChecks(JsonNode expect, ParsedMail mail, List<Result> results) {
        if (!expect.has("is_bounce") && !expect.has("is_auto_reply")) {
            return;
        }
        MachineMail.Verdict verdict = MachineMail.classify(mail);
        if (expect.has("is_bounce")) {
            boolean expected = expect.get("is_bounce").asBoolean();
            results.add(new Result("bounce", "is_bounce", expected == (verdict.kind() == MachineMail.Kind.BOUNCE),
                    verdict.kind() + " (" + verdict.reason() + ")"));
        }
        if (expect.has("is_auto_reply")) {
            boolean expected = expect.get("is_auto_reply").asBoolean();
            results.add(new Result("auto-reply", "is_auto_reply",
                    expected == (verdict.kind() == MachineMail.Kind.AUTO_REPLY),
                    verdict.kind() + " (" + verdict.reason() + ")"));
        }
    }

    private void replyChecks(JsonNode item, JsonNode expect, List<Result> results) throws IOException {
        if (!item.has("raw")) {
            return;
        }
        byte[] raw = Files.readAllBytes(corpus.resolve(item.get("raw").asString()));
        String input;
        boolean html = false;
        String setupInput = item.path("setup").path("input").asString("");
        if (setupInput.startsWith("first text/plain part")) {
            input = parser.parse(raw).text();
        } else if (setupInput.startsWith("whole file as HTML")) {
            input = formatting.plainText(new String(raw, StandardCharsets.UTF_8));
            html = true;
        } else {
            input = new String(raw, StandardCharsets.UTF_8);
        }
        JsonNode setup = item.path("setup");
        if (setup.has("template_substitute")) {
            for (Map.Entry<String, JsonNode> entry : setup.get("template_substitute").properties()) {
                input = input.replace(entry.getKey(), entry.getValue().asString());
            }
        }
        if (setup.path("transform").asString("").contains("str_replace('--', '-- '")) {
            input = input.replace("--", "-- ");
        }
        ReplyText.Split split = ReplyText.visible(input);
        String visible = split.visible();
        signatureChecks(expect, split, results);
        for (String key : List.of("visible_text", "visible_text_trimmed", "reply_text")) {
            if (expect.has(key)) {
                String expected = expect.get(key).asString().replace("\r\n", "\n").strip();
                results.add(new Result("reply stripping", key, expected.equals(visible.strip()), "got \"" + visible + "\""));
            }
        }
        if (expect.has("reply_text_ws_insensitive") && html) {
            String expected = expect.get("reply_text_ws_insensitive").asString().replaceAll("\\s+", "");
            results.add(new Result("reply stripping", "reply_text_ws_insensitive",
                    expected.equals(visible.replaceAll("\\s+", "")), "got \"" + visible + "\""));
        }
    }

    /**
     * Talon's signature cases: a reply without quotes whose signature its trained classifier finds; ours is the
     * rule-based one of {@link ReplyText} (delimiters, "Sent from my …"), so a signature of plain name lines is
     * expected to stay in the visible text. Both keys compare trimmed.
     */
    private static void signatureChecks(JsonNode expect, ReplyText.Split split, List<Result> results) {
        if (expect.has("text_without_signature")) {
            String expected = expect.get("text_without_signature").asString().replace("\r\n", "\n").strip();
            results.add(new Result("signature", "text_without_signature", expected.equals(split.visible().strip()),
                    "got \"" + split.visible() + "\""));
        }
        if (expect.has("signature")) {
            String expected = expect.get("signature").asString().replace("\r\n", "\n").strip();
            results.add(new Result("signature", "signature", expected.equals(split.signature().strip()),
                    "got \"" + split.signature() + "\""));
        }
    }

    private static void equal(List<Result> results, String kind, String key, JsonNode expect, String actual) {
        if (expect.has(key) && expect.get(key).isString()) {
            String expected = expect.get(key).asString();
            results.add(new Result(kind, key, expected.equals(actual), "got \"" + actual + "\""));
        }
    }
}
