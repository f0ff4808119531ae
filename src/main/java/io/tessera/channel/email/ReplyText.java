package io.tessera.channel.email;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits the text of a reply into the new text the person wrote, their signature and the quoted earlier
 * mail, so that the UI can show the new text and fold the rest behind "…" (nothing is deleted), and so
 * that previews, search and notifications use only the new text.
 * <p>
 * No maintained Java library does this (the Java ports of GitHub's email_reply_parser on Maven Central are
 * unmaintained 0.x snapshots), so these are the rules of github/email_reply_parser and its PHP and
 * JavaScript descendants (willdurand, crisp-oss) plus the quotation markers of mailgun/talon:
 * <ol>
 *   <li><b>Quote headers</b> ("On … wrote:", also wrapped over up to three lines, and its German, French,
 *       Spanish, Italian, Portuguese, Dutch, Scandinavian, Polish, Finnish, Chinese, Japanese and Korean forms),
 *       "-----Original Message-----" and its translations, and Outlook's header block ("From: …" followed
 *       by "Sent:"/"Date:"/"To:"/"Subject:" lines, in several languages, optionally after a line of
 *       underscores): everything from the first one down is quoted — unless the header is followed by
 *       {@code >} quotes with new text between them (an inline answer), which stays visible.</li>
 *   <li><b>{@code >} quotes</b>: the trailing block of quoted (and blank) lines is quoted.</li>
 *   <li><b>Signature</b>: in what remains, from the topmost signature line preceded by a blank line to the
 *       end: {@code --} / {@code __} lines, {@code -Name}, "Sent from my …" and its translations, "Get
 *       Outlook for …", a line of 30 or more {@code =}. The RFC 3676 delimiter "-- " counts even without a
 *       blank line above. The first line is never a signature.</li>
 * </ol>
 */
public final class ReplyText {

    /**
     * A reply split into its parts; each is trimmed of blank lines around it and empty when absent.
     * {@code visible + signature + quoted} is the whole text (modulo surrounding blank lines).
     */
    public record Split(String visible, String signature, String quoted) {

        /** Whether there is anything to fold behind "…". */
        public boolean hasFolded() {
            return !signature.isEmpty() || !quoted.isEmpty();
        }
    }

    private static final String WROTE = "(?:wrote|schrieb|a écrit|écrit|escribió|ha scritto|scritto|escreveu|ha escrit|escrit|schreef"
            + "|geschreven|skrev|pisze|napisał(?:\\(a\\))?|kirjoitti|написал(?:\\(а\\))?|napsal|yazdı)";
    private static final Pattern QUOTE_HEADER = Pattern.compile("(?iu)^\\s*(?:"
            + "(?:On|Am|Le|El|Il|Em|Op|Den|W dniu|Dnia|pe|ma|ti|ke|to|la|su|\\d).{0,500}" + WROTE + "\\s*:?"
            + "|(?:On|Am|Le|El|Il|Em|Op|Den|W dniu|Dnia|\\d|\\p{L}{2,4}\\.)\\s.{0,500}" + WROTE + "\\s.{0,300}:"
            + "|.{0,100}\\d{1,2}:\\d\\d.{0,200}<[^<>\\s]+@[^<>\\s]+>\\s*:"
            + "|.{0,300}<?[^\\s<>]+@[^\\s<>]+>?\\s*" + WROTE + "\\s*:"
            + "|在.{0,300}写道\\s*[:：]"
            + "|20\\d\\d[./-].{0,300}(?:작성|のメッセージ)\\s*:"
            + "|\\d{4}[./-]\\d\\d?[./-]\\d\\d?.{0,200}<[^>]+@[^>]+>\\s*:?"
            + ")\\s*$");
    /** What the first line of a header wrapped over several lines starts with: a word like "On", a date, an address. */
    private static final Pattern HEADER_START = Pattern.compile("(?iu)^\\s*(?:On|Am|Le|El|Il|Em|Op|Den|W dniu|Dnia|在)\\b"
            + "|^\\s*\\d|@|\\d{1,2}[:.]\\d\\d");
    /** The stems of {@link #WROTE}, for a plain substring test (a case-insensitive Unicode regex is slow per line). */
    private static final List<String> WROTE_STEMS = List.of("wrote", "schrieb", "écrit", "escribió", "scritto", "escreveu",
            "escrit", "schreef", "geschreven", "skrev", "pisze", "napisał", "kirjoitti", "написал", "napsal", "yazdı");
    private static final Pattern BARE_WROTE = Pattern.compile("(?iu)^.{0,300}" + WROTE + "\\s*:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?iu)^\\s*[-_=*]{2,}\\s*(?:"
            + "original message|oprindelig (?:besked|meddelelse)|message d'origine|ursprüngliche nachricht"
            + "|original-nachricht|originalnachricht|mensaje original|messaggio originale|oorspronkelijk bericht"
            + "|originalmeddelande|mensagem original|forwarded message|weitergeleitete nachricht"
            + "|message transféré|reply above this line|reply message)\\s*[-_=*]{2,}\\s*$"
            + "|^\\s*##-.*-##\\s*$"); // Zammad's and other help desks' "reply above this line" markers
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iu)^\\s*\\*?(?:From|De|Von|Van|Da|Från|Fra|Od"
            + "|Lähettäjä|Feladó|От|发件人|寄件者|差出人)\\s*\\*?\\s*[:：]");
    private static final Pattern OUTLOOK_FIELD = Pattern.compile("(?iu)^\\s*\\*?(?:Sent|Date|Datum|Envoyé|Enviado|Inviato"
            + "|Verzonden|Skickat|Sendt|Gesendet|Wysłano|Lähetetty|Отправлено|Дата|发送时间|日期|送信日時|To|An|À|A|Para"
            + "|Aan|Till|Til|Do|Cc|Subject|Betreff|Objet|Asunto|Oggetto|Onderwerp|Ämne|Emne|Temat|Aihe|Тема|主题|件名)"
            + "\\s*\\*?\\s*[:：]");
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern QUOTED = Pattern.compile("^\\s*>");
    private static final Pattern SIGNATURE = Pattern.compile("(?iu)^(?:\\s*--|\\s*__|-\\w)"
            + "|^\\s*(?:Sent from my|Sent from|Sent via|Envoyé de mon|Enviado desde mi|Inviato da|Von meinem|Verzonden met"
            + "|Get Outlook for)\\b(?:\\s*[\\w.'-]+){1,5}(?:\\s*<[^>]*>)?\\s*$"
            + "|^={30,}$");

    private ReplyText() {
    }

    /** The new text of a reply, its signature and the quoted rest; see the class comment. */
    public static Split visible(String text) {
        if (text == null || text.isBlank()) {
            return new Split("", "", "");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int answer = bottomPostStart(lines);
        if (answer > 0) {
            String[] below = Arrays.copyOfRange(lines, answer, lines.length);
            int signature = signatureStart(below, below.length);
            return new Split(join(below, 0, signature >= 0 ? signature : below.length),
                    signature >= 0 ? join(below, signature, below.length) : "", join(lines, 0, answer));
        }
        int quote = quoteStart(lines);
        int signature = signatureStart(lines, quote);
        int end = signature >= 0 ? signature : quote;
        return new Split(join(lines, 0, end), signature >= 0 ? join(lines, signature, quote) : "",
                join(lines, quote, lines.length));
    }

    /**
     * A bottom-posted reply: the text starts with a quote (a header and {@code >} lines, or just {@code >} lines)
     * and the new text follows it with no quote after. Returns the first line of the new text, 0 when not so.
     */
    private static int bottomPostStart(String[] lines) {
        int first = firstNonBlank(lines);
        if (first >= lines.length) {
            return 0;
        }
        int i = first + headerLength(lines, first);
        boolean sawQuote = false;
        while (i < lines.length && (lines[i].isBlank() || QUOTED.matcher(lines[i]).find())) {
            sawQuote |= !lines[i].isBlank();
            i++;
        }
        if (!sawQuote || i >= lines.length) {
            return 0;
        }
        for (int j = i; j < lines.length; j++) {
            if (QUOTED.matcher(lines[j]).find()) {
                return 0; // quotes and answers interleaved: all of it is the reply
            }
        }
        return i;
    }

    private static int quoteStart(String[] lines) {
        int trailing = trailingQuoteStart(lines);
        for (int i = 0; i < lines.length && i < trailing; i++) {
            if (ORIGINAL_MESSAGE.matcher(lines[i]).find()) {
                return i;
            }
            if (isOutlookBlock(lines, i)) {
                int above = previousNonBlank(lines, i);
                return above >= 0 && UNDERSCORES.matcher(lines[above]).matches() ? above : i;
            }
            int header = headerLength(lines, i);
            if (header > 0) {
                if (isInlineAnswer(lines, i + header)) {
                    return trailing;
                }
                return i;
            }
        }
        return trailing;
    }

    /** How many lines (1–3) starting at {@code i} form an "On … wrote:" header, 0 when none. */
    private static int headerLength(String[] lines, int i) {
        if (lines[i].isBlank() || QUOTED.matcher(lines[i]).find()) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= 3 && i + n - 1 < lines.length; n++) {
            String line = lines[i + n - 1];
            if (n > 1 && (line.isBlank() || QUOTED.matcher(line).find() || !HEADER_START.matcher(lines[i]).find())) {
                return 0;
            }
            joined.append(n > 1 ? " " : "").append(line.strip());
            if (joined.length() > 600) {
                return 0;
            }
            if (!mayBeHeader(joined)) {
                continue;
            }
            if (QUOTE_HEADER.matcher(joined).matches()) {
                return n;
            }
            // A bare "…wrote:" line only counts when quoted text follows it.
            if (BARE_WROTE.matcher(joined).matches()) {
                int next = i + n;
                while (next < lines.length && lines[next].isBlank()) {
                    next++;
                }
                return next < lines.length && QUOTED.matcher(lines[next]).find() ? n : 0;
            }
        }
        return 0;
    }

    /**
     * A cheap necessary condition for {@link #QUOTE_HEADER} and {@link #BARE_WROTE}: every form of a header ends
     * with a colon or an address in angle brackets, or names a "wrote" word. The full patterns backtrack over
     * hundreds of characters per line, which made a 1 MB text take seconds; most lines fail this test at once.
     */
    private static boolean mayBeHeader(CharSequence joined) {
        int end = joined.length() - 1;
        while (end >= 0 && Character.isWhitespace(joined.charAt(end))) {
            end--;
        }
        if (end < 0) {
            return false;
        }
        char last = joined.charAt(end);
        if (last == ':' || last == '：' || last == '>') {
            return true;
        }
        String lower = joined.toString().toLowerCase(Locale.ROOT);
        return WROTE_STEMS.stream().anyMatch(lower::contains);
    }

    /** From/Sent/To/Subject lines (any order, e.g. Date first), at least three of them and a From among them. */
    private static boolean isOutlookBlock(String[] lines, int i) {
        boolean from = OUTLOOK_FROM.matcher(lines[i]).find();
        if (!from && !OUTLOOK_FIELD.matcher(lines[i]).find()) {
            return false;
        }
        int fields = 1;
        for (int j = i + 1; j < lines.length && j <= i + 6; j++) {
            boolean isFrom = OUTLOOK_FROM.matcher(lines[j]).find();
            if (isFrom || OUTLOOK_FIELD.matcher(lines[j]).find()) {
                fields++;
                from |= isFrom;
            }
        }
        return from && fields >= 3;
    }

    /** Quoted lines after the header, then new unquoted text: someone answered between the quotes. */
    private static boolean isInlineAnswer(String[] lines, int from) {
        boolean sawQuote = false;
        for (int j = from; j < lines.length; j++) {
            if (lines[j].isBlank()) {
                continue;
            }
            if (QUOTED.matcher(lines[j]).find()) {
                sawQuote = true;
            } else if (!sawQuote) {
                return false;
            } else {
                return !SIGNATURE.matcher(lines[j]).find();
            }
        }
        return false;
    }

    /** The first line of the block of {@code >} quotes and blank lines at the end, {@code lines.length} when none. */
    private static int trailingQuoteStart(String[] lines) {
        int start = lines.length;
        boolean sawQuote = false;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (!QUOTED.matcher(lines[i]).find()) {
                break;
            }
            sawQuote = true;
            start = i;
        }
        if (!sawQuote) {
            return lines.length;
        }
        // "On … wrote:" right above the quotes belongs to them.
        int above = previousNonBlank(lines, start);
        for (int n = 1; n <= 3 && above - n + 1 >= 0; n++) {
            if (headerLength(lines, above - n + 1) == n) {
                return above - n + 1;
            }
        }
        return start;
    }

    private static int signatureStart(String[] lines, int end) {
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")
                    || (lines[i - 1].isBlank() && SIGNATURE.matcher(line).find() && !line.isBlank())) {
                if (i > firstNonBlank(lines)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return lines.length;
    }

    private static int previousNonBlank(String[] lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!lines[j].isBlank()) {
                return j;
            }
        }
        return -1;
    }

    private static String join(String[] lines, int from, int to) {
        if (from >= to) {
            return "";
        }
        List<String> part = Arrays.asList(lines).subList(from, to);
        String joined = String.join("\n", part);
        return joined.replaceAll("^(?:[ \\t]*\\n)+", "").stripTrailing();
    }
}
