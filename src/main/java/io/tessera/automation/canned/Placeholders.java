package io.tessera.automation.canned;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a canned response: {@code {{ name }}} (spaces inside the braces allowed), filled in
 * one pass over the text. Deliberately not a template engine: there is nothing to evaluate, only names
 * to look up, so a response can never run code. Values go in as plain text and are not scanned again, so
 * a requester called "{{agent.name}}" stays exactly that. Unknown names are left as typed and reported.
 *
 * <p>{@code {{kb.<slug>}}} links to a knowledge-base article as a Markdown link to {@code /kb/<slug>}; the
 * knowledge base does not exist yet, so the link is made from the slug alone.
 */
public final class Placeholders {

    /** The names a response may use, in the order the docs and the form list them. */
    public static final Set<String> NAMES = Set.copyOf(List.of("requester.first_name", "requester.name",
            "requester.email", "ticket.number", "ticket.subject", "ticket.status", "agent.name", "agent.first_name"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");
    private static final Pattern KB = Pattern.compile("kb\\.([a-z0-9][a-z0-9-]{0,99})");

    private Placeholders() {
    }

    /** The text with every known placeholder filled, and the unknown ones as typed. */
    public record Filled(String text, List<String> unknown) {
    }

    public static Filled fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        Set<String> unknown = new LinkedHashSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = value(name, values);
            if (value == null) {
                unknown.add(matcher.group());
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return new Filled(out.toString(), List.copyOf(unknown));
    }

    /** The placeholders in the text that would not be filled, as typed ({@code {{requester.nickname}}}). */
    public static List<String> unknown(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1)) && !KB.matcher(matcher.group(1)).matches()
                    && !unknown.contains(matcher.group())) {
                unknown.add(matcher.group());
            }
        }
        return unknown;
    }

    /** The first word of a name, or the empty string for none. */
    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        return name.strip().split("\\s+", 2)[0];
    }

    private static String value(String name, Map<String, String> values) {
        Matcher kb = KB.matcher(name);
        if (kb.matches()) {
            return "[" + kb.group(1) + "](/kb/" + kb.group(1) + ")";
        }
        return NAMES.contains(name) ? values.getOrDefault(name, "") : null;
    }
}
