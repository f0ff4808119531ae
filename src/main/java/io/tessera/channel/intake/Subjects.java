package io.tessera.channel.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares subjects the way people mean them: "Re: AW: Fwd: [#4521] Printer broken" is the same topic as
 * "Printer broken". Used by the team option that starts a new ticket when someone replies in an old thread
 * about something else (threading rule 5).
 */
final class Subjects {

    /** Reply and forward prefixes of the languages mail clients commonly write, repeated and mixed. */
    private static final Pattern PREFIXES = Pattern.compile(
            "(?iu)^(?:\\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|antwort|tr|réf|rif|ref|r|enc|odp|vá|回复|回覆|答复|转发|返信|件名)"
                    + "(?:\\s*\\[\\d+])?\\s*[:：]\\s*)+");
    private static final Pattern TAGS = Pattern.compile("\\[#\\d+]|\\[(?:ticket|case)\\s*#?\\d+]", Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** The topic: prefixes and ticket tags removed, whitespace collapsed, lower case, accents kept. */
    static String topic(String subject) {
        String text = subject == null ? "" : Normalizer.normalize(subject, Normalizer.Form.NFC);
        String previous;
        do {
            previous = text;
            text = TAGS.matcher(text).replaceAll(" ");
            text = PREFIXES.matcher(text).replaceFirst("");
        } while (!text.equals(previous));
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a reply's subject names another topic than the ticket's. An empty reply subject is no new
     * topic (people delete it), nor is one that contains the other (people add words: "… — still broken").
     */
    static boolean newTopic(String replySubject, String ticketSubject) {
        String reply = topic(replySubject);
        String ticket = topic(ticketSubject);
        if (reply.isEmpty() || ticket.isEmpty()) {
            return false;
        }
        return !reply.contains(ticket) && !ticket.contains(reply);
    }
}
