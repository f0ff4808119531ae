package io.tessera.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import io.tessera.identity.Agent;

/**
 * {@code @mentions} of agents in messages. Two ways to write one:
 * <ul>
 *   <li>{@code @grace} — the agent's handle, the part of their email address before the {@code @}
 *       ({@code grace@example.com}), case-insensitive; dots, dashes, underscores and plus signs belong to it,
 *       a dot at the end does not ({@code "thanks @grace."});</li>
 *   <li>{@code @[Grace Hopper]} — the agent's full name in brackets, case-insensitive.</li>
 * </ul>
 * A mention counts only when it names exactly one active agent (a handle two agents share names nobody:
 * write the name instead), and only in the message's text, not inside code, links or an email address
 * ({@code bob@example.com}). Works on the message as rendered (safe HTML), so what is highlighted on the
 * page is exactly what notifies.
 */
public final class Mentions {

    /** Not after a letter, digit or address character, so {@code bob@example.com} is no mention. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+\\-@])@(?:\\[([^\\]\\n]{1,100})]|([\\p{L}\\p{N}._+\\-]{1,64}))");

    /** Text inside these elements is quoted or linked, not addressed to anyone. */
    private static final Set<String> SKIPPED = Set.of("code", "pre", "a", "kbd", "samp");

    private Mentions() {
    }

    /** What was written after an {@code @}: a handle ({@code grace}) or a bracketed name. */
    public record Written(String handle, String name) {
        static Written of(Matcher m) {
            return m.group(1) != null ? new Written(null, m.group(1).strip())
                    : new Written(trimTrailingDots(m.group(2)), null);
        }
    }

    /** Everything written as a mention in this HTML's text, known agent or not, in order, without repeats. */
    public static List<Written> written(String html) {
        Set<Written> found = new LinkedHashSet<>();
        for (TextNode text : addressedText(Jsoup.parseBodyFragment(html == null ? "" : html))) {
            Matcher m = MENTION.matcher(text.getWholeText());
            while (m.find()) {
                Written written = Written.of(m);
                if (written.handle() == null || !written.handle().isEmpty()) {
                    found.add(written);
                }
            }
        }
        return List.copyOf(found);
    }

    /** The active agents this HTML mentions, each once, in the order first mentioned. */
    public static List<Agent> mentioned(String html, List<Agent> agents) {
        Directory directory = new Directory(agents);
        Set<Agent> found = new LinkedHashSet<>();
        for (Written written : written(html)) {
            Agent agent = directory.find(written);
            if (agent != null) {
                found.add(agent);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The HTML with each mention of a known agent wrapped in {@code <span class="mention">} (its title the
     * agent's name); mentions of nobody stay plain text. The input must already be safe HTML.
     */
    public static String highlight(String html, List<Agent> agents) {
        // The sanitiser writes "@" as "&#64;".
        if (html == null || (html.indexOf('@') < 0 && !html.contains("&#64;"))) {
            return html;
        }
        Directory directory = new Directory(agents);
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (TextNode text : addressedText(document)) {
            changed |= wrap(text, directory);
        }
        return changed ? document.body().html() : html;
    }

    private static boolean wrap(TextNode text, Directory directory) {
        String whole = text.getWholeText();
        Matcher m = MENTION.matcher(whole);
        List<Node> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            Written written = Written.of(m);
            Agent agent = directory.find(written);
            if (agent == null) {
                continue;
            }
            // A trailing dot is the sentence's, not the handle's: leave it outside the highlight.
            int end = written.handle() == null ? m.end() : m.start() + 1 + written.handle().length();
            parts.add(new TextNode(whole.substring(last, m.start())));
            parts.add(new Element("span").addClass("mention").attr("title", agent.name())
                    .attr("data-agent-id", String.valueOf(agent.id().value())).text(whole.substring(m.start(), end)));
            last = end;
        }
        if (parts.isEmpty()) {
            return false;
        }
        parts.add(new TextNode(whole.substring(last)));
        for (Node part : parts) {
            text.before(part);
        }
        text.remove();
        return true;
    }

    private static List<TextNode> addressedText(Document document) {
        List<TextNode> texts = new ArrayList<>();
        document.body().traverse((node, depth) -> {
            if (node instanceof TextNode text && !insideSkipped(text)) {
                texts.add(text);
            }
        });
        return texts;
    }

    private static boolean insideSkipped(Node node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && SKIPPED.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static String trimTrailingDots(String handle) {
        int end = handle.length();
        while (end > 0 && (handle.charAt(end - 1) == '.' || handle.charAt(end - 1) == '-')) {
            end--;
        }
        return handle.substring(0, end);
    }

    /** The active agents by handle and by name; a key two agents share finds nobody. */
    private static final class Directory {

        private final Map<String, List<Agent>> byHandle;
        private final Map<String, List<Agent>> byName;

        Directory(List<Agent> agents) {
            List<Agent> active = agents.stream().filter(Agent::active).toList();
            this.byHandle = index(active, a -> handleOf(a.email()));
            this.byName = index(active, a -> a.name().strip().toLowerCase(Locale.ROOT));
        }

        Agent find(Written written) {
            List<Agent> candidates = written.handle() != null
                    ? byHandle.get(written.handle().toLowerCase(Locale.ROOT))
                    : byName.get(written.name().toLowerCase(Locale.ROOT));
            return candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
        }

        private static Map<String, List<Agent>> index(List<Agent> agents, Function<Agent, String> key) {
            return agents.stream().collect(Collectors.groupingBy(key));
        }
    }

    /** An agent's handle: the local part of their email address, lower case. */
    public static String handleOf(String email) {
        int at = email.lastIndexOf('@');
        return (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
