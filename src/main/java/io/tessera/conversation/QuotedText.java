package io.tessera.conversation;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.springframework.web.util.HtmlUtils;

/**
 * Folds what an email quotes (the conversation so far, a signature) behind a "…" toggle on display,
 * as mail clients do: kept, one click away, but not in the way of the new text.
 * <ul>
 *   <li>Plain text: the email channel stored the new text ({@link Message#visibleText()}); the rest of the
 *       body after it is folded.</li>
 *   <li>HTML: the quote containers mail clients write are folded with everything after them: Gmail's
 *       {@code div.gmail_quote}, Apple Mail's and Thunderbird's {@code blockquote type=cite}, Outlook's
 *       {@code div#divRplyFwdMsg} / {@code #appendonsend} / the "From:" block under a top border, Yahoo's
 *       {@code .yahoo_quoted}, and a plain {@code blockquote} at the top level.</li>
 * </ul>
 * Works on HTML that is already sanitised, and adds only a {@code details} element of its own.
 */
public final class QuotedText {

    private static final String SELECTOR = "div.gmail_quote, blockquote[type=cite], div#divRplyFwdMsg, div#appendonsend, "
            + "div.yahoo_quoted, div.moz-cite-prefix, blockquote, hr#stopSpelling, div.OutlookMessageHeader";

    private QuotedText() {
    }

    /** A plain-text body as HTML with what follows its visible text folded; null when nothing is folded. */
    public static String foldText(String body, String visibleText) {
        if (visibleText == null || visibleText.isBlank()) {
            return null;
        }
        String visible = visibleText.strip();
        int at = body.indexOf(visible);
        if (at < 0) {
            return null;
        }
        String before = body.substring(0, at);
        String rest = body.substring(at + visible.length()).strip();
        if (rest.isEmpty()) {
            return null;
        }
        return "<div class=\"message-body\">" + HtmlUtils.htmlEscape(before + visible) + "</div>"
                + details("<div class=\"message-body\">" + HtmlUtils.htmlEscape(rest) + "</div>");
    }

    /** Sanitised HTML with its quoted part folded; unchanged when it quotes nothing recognisable. */
    public static String foldHtml(String safeHtml) {
        Document document = Jsoup.parseBodyFragment(safeHtml);
        Element quote = document.body().selectFirst(SELECTOR);
        if (quote == null) {
            return safeHtml;
        }
        // Fold from the quote, or from the ancestor that first has new text before it: the quote's wrappers
        // go with it, and everything after it in its container is quoted history too.
        Element top = quote;
        while (!hasContentBefore(top) && top.parent() != null && top.parent() != document.body()) {
            top = top.parent();
        }
        if (!hasContentBefore(top)) {
            return safeHtml; // nothing before the quote (a forwarded message): show it all
        }
        List<Node> folded = new ArrayList<>();
        for (Node node = top; node != null; node = node.nextSibling()) {
            folded.add(node);
        }
        Element details = new Element("details").addClass("quoted");
        details.appendElement("summary").attr("title", "Show quoted text").text("…");
        Element parent = top.parent();
        int index = top.siblingIndex();
        folded.forEach(Node::remove);
        folded.forEach(details::appendChild);
        parent.insertChildren(index, details);
        return document.body().html();
    }

    private static boolean hasContentBefore(Node node) {
        for (Node before = node.previousSibling(); before != null; before = before.previousSibling()) {
            if (before instanceof org.jsoup.nodes.TextNode text && !text.isBlank()) {
                return true;
            }
            if (before instanceof Element element && (element.hasText() || !element.select("img").isEmpty()
                    || element.tagName().equals("img"))) {
                return true;
            }
        }
        return false;
    }

    private static String details(String inner) {
        return "<details class=\"quoted\"><summary title=\"Show quoted text\">…</summary>" + inner + "</details>";
    }
}
