package io.tessera.conversation;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Walks an HTML tree and writes its text as a person would read it: blocks on their own lines, a blank
 * line after paragraphs, list items with "- ", cells apart by tabs, whitespace collapsed outside
 * {@code <pre>}. {@link MessageFormatting#plainText} tidies the blank lines afterwards.
 */
final class PlainTextVisitor implements NodeVisitor {

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol", "dl", "hr", "address", "figure");
    private static final Set<String> LINES = Set.of("div", "tr", "li", "dt", "dd", "section", "article", "header",
            "footer", "main", "nav", "aside", "caption", "figcaption", "thead", "tbody", "tfoot");

    private final StringBuilder out;
    /** Whether a link's address follows its text, "the manual <https://…>": in mail, where nothing is clickable otherwise. */
    private final boolean linkAddresses;
    private int preDepth;

    PlainTextVisitor(StringBuilder out) {
        this(out, false);
    }

    PlainTextVisitor(StringBuilder out, boolean linkAddresses) {
        this.out = out;
        this.linkAddresses = linkAddresses;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            appendText(text);
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String name = element.normalName();
        if (PARAGRAPHS.contains(name) || LINES.contains(name)) {
            newLine();
        }
        switch (name) {
            case "br" -> out.append('\n');
            case "pre" -> preDepth++;
            case "li" -> out.append("  ".repeat(Math.max(0, listDepth(element) - 1))).append("- ");
            case "td", "th" -> {
                if (element.elementSiblingIndex() > 0) {
                    out.append('\t');
                }
            }
            case "img" -> {
                String alt = element.attr("alt").strip();
                if (!alt.isEmpty()) {
                    out.append(alt);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element element)) {
            return;
        }
        String name = element.normalName();
        if (name.equals("pre")) {
            preDepth--;
        }
        if (name.equals("a") && linkAddresses) {
            appendAddress(element);
        }
        // Nested lists end their parent item's line only, not with a blank line.
        if (PARAGRAPHS.contains(name) && !(isList(name) && element.parent() != null && element.parent().normalName().equals("li"))) {
            newLine();
            out.append('\n');
        } else if (LINES.contains(name) || isList(name)) {
            newLine();
        }
    }

    private void appendAddress(Element link) {
        String href = link.attr("href").strip();
        if (!href.matches("(?i)(https?:|mailto:)\\S+")) {
            return;
        }
        String text = link.text().strip();
        String shown = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href;
        if (!text.equalsIgnoreCase(shown) && !text.equalsIgnoreCase(href)) {
            out.append(text.isEmpty() ? "<" : " <").append(shown).append('>');
        }
    }

    private void appendText(TextNode text) {
        if (preDepth > 0) {
            out.append(text.getWholeText());
            return;
        }
        String collapsed = text.getWholeText().replaceAll("[\\s\\u00a0]+", " ");
        if (atLineStart() || (out.length() > 0 && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t'))) {
            collapsed = collapsed.stripLeading();
        }
        out.append(collapsed);
    }

    private void newLine() {
        if (!atLineStart()) {
            out.append('\n');
        }
    }

    private boolean atLineStart() {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    private static boolean isList(String name) {
        return name.equals("ul") || name.equals("ol");
    }

    private static int listDepth(Element item) {
        int depth = 0;
        for (Element parent = item.parent(); parent != null; parent = parent.parent()) {
            if (isList(parent.normalName())) {
                depth++;
            }
        }
        return depth;
    }
}
