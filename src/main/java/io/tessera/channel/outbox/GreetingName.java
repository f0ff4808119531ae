package io.tessera.channel.outbox;

import java.io.UnsupportedEncodingException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * The name automatic mail greets a customer by. A customer's name comes from the display name of their
 * first mail, which anybody can write: "&lt;img src=x onerror=alert(1)&gt;", a link to a phishing page, or
 * another person's address. Such a name must not be repeated to them (or to whoever they typed in as
 * recipient) in a mail from us, so the name is cleaned: words of letters, combining marks, apostrophes and
 * hyphens only, in any script ("Müller", "Łukasz", "山田"). A name that looks like markup, a link or an address,
 * or is longer than any real name, is not used at all — {@link #EMPTY}, and "Hello {{requester.first_name}},"
 * becomes "Hello," ({@link MailTemplates#fill}): a neutral greeting is better than a hostile one.
 */
final class GreetingName {

    static final String EMPTY = "";

    /** Longer than any name people write in a From line; a longer one is text smuggled into the greeting. */
    private static final int MAX_NAME = 100;
    private static final int MAX_WORD = 40;
    private static final Pattern SUSPICIOUS = Pattern.compile("[<>@/\\\\{}\\[\\]|`]|://|www\\.|=\\?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}'’-]+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** What may surround a word without being part of it: "Doe, John", "(Jane)", "Jr.". */
    private static final Pattern EDGES = Pattern.compile("^[\"'.,;:()]+|[\"'.,;:()]+$");

    private GreetingName() {
    }

    /** The first word of the cleaned name, or {@link #EMPTY}. */
    static String first(String displayName) {
        List<String> words = words(displayName);
        return words.isEmpty() ? EMPTY : words.get(0);
    }

    /** The cleaned name: its words that are words, or {@link #EMPTY} when the name is not one. */
    static String full(String displayName) {
        return String.join(" ", words(displayName));
    }

    private static List<String> words(String displayName) {
        if (displayName == null) {
            return List.of();
        }
        String name = Normalizer.normalize(decoded(displayName), Normalizer.Form.NFC).strip();
        if (name.isEmpty() || name.length() > MAX_NAME || SUSPICIOUS.matcher(name).find()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String part : name.split("\\s+")) {
            String word = EDGES.matcher(part).replaceAll("");
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > MAX_WORD || !WORD.matcher(word).matches() || !LETTER.matcher(word).find()) {
                // One word that is not a name (digits, control or bidi characters, symbols) spoils the whole name:
                // greeting "Bob" out of "Bob ☎ call +1 555" would still be what the sender chose to make us say.
                return List.of();
            }
            words.add(word);
        }
        return words;
    }

    /** Encoded words ({@code =?utf-8?…?=}) that reached the name undecoded, decoded; undecodable ones stay (and are refused). */
    private static String decoded(String name) {
        if (!name.contains("=?")) {
            return name;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return name;
        }
    }
}
