package io.tessera.conversation;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.select.NodeTraversor;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns message bodies into HTML that is safe to put into a page, and HTML into plain text.
 * <ul>
 *   <li>{@link #markdownToHtml}: what agents write, Markdown (CommonMark with tables and bare links made
 *       links). Raw HTML in it is shown as text, not interpreted, and the result passes the same
 *       sanitiser as mail.</li>
 *   <li>{@link #sanitize}: HTML from outside (mail bodies) reduced to an allow-list of formatting: no
 *       script, style, event handler, frame or form survives, links go to http, https or mailto only and
 *       open in a new tab without a referrer, images load only from our attachments or {@code cid:}.</li>
 *   <li>{@link #plainText}: readable text with line breaks, for previews, notifications and search;
 *       {@link #mailText} keeps links' addresses, for the text part of mail.</li>
 * </ul>
 * Thread-safe: the parser, renderer and policy are immutable.
 */
@Component
public class MessageFormatting {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            // Raw HTML in Markdown is escaped, so "<script>" shows as text; URLs are checked below again.
            .escapeHtml(true)
            .sanitizeUrls(true)
            // A line break typed in the reply box is a line break in the message, as people expect.
            .softbreak("<br>\n")
            .build();

    /** Our own download links, as {@link Attachment#downloadPath()} and previewPath() write them. */
    private static final Pattern ATTACHMENT_PATH = Pattern.compile("/attachments/\\d+/[^/?#\\s]*(\\?inline)?");
    private static final Pattern CONTENT_ID = Pattern.compile("cid:[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEB_OR_MAIL = Pattern.compile("(https?://|mailto:)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center|justify");

    private static final AttributePolicy LINK_TARGET = (element, attribute, value) -> {
        String url = value.strip();
        return WEB_OR_MAIL.matcher(url).matches() || ATTACHMENT_PATH.matcher(url).matches() ? url : null;
    };

    private static final AttributePolicy IMAGE_SOURCE = (element, attribute, value) -> {
        String url = value.strip();
        return CONTENT_ID.matcher(url).matches() || ATTACHMENT_PATH.matcher(url).matches() ? url : null;
    };

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u", "s", "strike", "del", "ins",
                    "sub", "sup", "small", "mark", "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite",
                    "abbr", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
            .allowAttributes("align").matching(ALIGN).onElements("td", "th", "p", "div", "tr", "col")
            .allowAttributes("title").globally()
            // Links: http, https and mailto only (the URL guard drops any other scheme, the policy also
            // refuses relative links but our own attachment paths), opened in a new tab that cannot reach
            // back to this page and learns nothing of where it was linked from.
            .allowUrlProtocols("http", "https", "mailto", "cid")
            .allowElements((name, attributes) -> {
                if (hasAttribute(attributes, "href")) {
                    attributes.add("target");
                    attributes.add("_blank");
                }
                return name;
            }, "a")
            .allowAttributes("href").matching(LINK_TARGET).onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            // Images: remote images in mail are trackers, data: URLs can smuggle content; only files of
            // this ticket (our attachment URLs, or cid: references the mail intake resolves to them).
            .allowElements((name, attributes) -> hasAttribute(attributes, "src") ? name : null, "img")
            .allowAttributes("src").matching(IMAGE_SOURCE).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .toFactory();

    /** Whether the sanitiser's attribute list (name, value, name, value…) has this attribute. */
    private static boolean hasAttribute(List<String> attributes, String name) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Markdown written by an agent, as safe HTML. */
    public String markdownToHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return sanitize(RENDERER.render(MARKDOWN.parse(markdown)));
    }

    /** HTML from outside reduced to safe formatting (see the class comment). */
    public String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return POLICY.sanitize(html);
    }

    /**
     * The text of HTML with its structure as line breaks: paragraphs and headings apart, list items on
     * their own lines with "- ", table cells separated by tabs, {@code <br>} as a line break, script and
     * style dropped. Runs of blank lines become one; no line ends in spaces.
     */
    public String plainText(String html) {
        return plainText(html, false);
    }

    /**
     * {@link #plainText} for the text part of a mail: a link keeps its address after its text,
     * "the manual &lt;https://example.com/manual&gt;", since a reader of plain text cannot follow the link otherwise.
     */
    public String mailText(String html) {
        return plainText(html, true);
    }

    private String plainText(String html, boolean linkAddresses) {
        if (html == null || html.isBlank()) {
            return "";
        }
        var document = Jsoup.parseBodyFragment(html);
        document.select("script, style, template, noscript, head, title").remove();
        var text = new StringBuilder();
        NodeTraversor.traverse(new PlainTextVisitor(text, linkAddresses), document.body());
        return tidy(text.toString());
    }

    private static String tidy(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean blank = true;
        for (String line : lines) {
            String trimmed = line.stripTrailing();
            if (trimmed.isBlank()) {
                if (!blank) {
                    out.append('\n');
                }
                blank = true;
                continue;
            }
            out.append(trimmed).append('\n');
            blank = false;
        }
        return out.toString().strip();
    }
}
