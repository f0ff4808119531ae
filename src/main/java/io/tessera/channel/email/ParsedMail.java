package io.tessera.channel.email;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a help desk needs of one message, as {@link MailParser} reads it.
 *
 * @param messageId   Message-ID without angle brackets; empty when the message has none
 * @param inReplyTo   In-Reply-To ids without angle brackets (usually one)
 * @param references  all References ids, oldest first, without angle brackets
 * @param from        the first From mailbox, or {@code null} when there is none readable
 * @param subject     RFC 2047 decoded, unfolded; empty when absent
 * @param date        the Date header, or {@code null} when absent or unreadable
 * @param html        the HTML body, sanitised ({@code cid:} images kept for {@link #htmlWithImages}); empty when
 *                    the message has no HTML part
 * @param text        the text body, or the text of the HTML when there is no text part
 * @param attachments files, in message order, inline images included
 * @param headers     the headers that matter for machine mail and threading, lower-case names, first value,
 *                    unfolded and decoded (see {@link MailParser#KEPT_HEADERS})
 * @param report      the delivery status notification, when the message is one
 */
public record ParsedMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> replyTo,
        List<MailAddress> to,
        List<MailAddress> cc,
        String subject,
        Instant date,
        String html,
        String text,
        List<MailAttachment> attachments,
        Map<String, String> headers,
        Optional<DeliveryReport> report) {

    private static final Pattern CID = Pattern.compile("(?i)cid:([^\\s\"'<>)]+)");

    public ParsedMail {
        subject = StorableText.line(subject);
        html = StorableText.text(html);
        text = StorableText.text(text);
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
    }

    /** A kept header's value (name case-insensitive), empty when absent. */
    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    /** Where replies go: Reply-To when given, else From. */
    public List<MailAddress> replyAddresses() {
        if (!replyTo.isEmpty()) {
            return replyTo;
        }
        return from == null ? List.of() : List.of(from);
    }

    /** The attachment with this Content-ID (with or without angle brackets). */
    public Optional<MailAttachment> attachmentByContentId(String contentId) {
        String wanted = MailHeaders.stripAngles(contentId);
        return attachments.stream().filter(a -> !a.contentId().isEmpty() && a.contentId().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /**
     * The HTML with each {@code cid:} reference replaced by the URL the caller gives for its attachment
     * (e.g. the stored attachment's download path). References to no attachment, or for which the
     * function returns {@code null}, are left as they are (the sanitised page then shows no image).
     */
    public String htmlWithImages(Function<MailAttachment, String> urlFor) {
        Matcher matcher = CID.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            // The sanitiser writes "@" in attributes as "&#64;": read the id as the browser would.
            String id = org.jsoup.parser.Parser.unescapeEntities(matcher.group(1), true);
            // HTML may percent-encode the id ("cid:part1%40example"); try it as written first.
            String url = attachmentByContentId(id)
                    .or(() -> attachmentByContentId(java.net.URLDecoder.decode(id.replace("+", "%2B"),
                            java.nio.charset.StandardCharsets.UTF_8)))
                    .map(urlFor).orElse(null);
            matcher.appendReplacement(out, Matcher.quoteReplacement(url == null ? matcher.group() : url));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
