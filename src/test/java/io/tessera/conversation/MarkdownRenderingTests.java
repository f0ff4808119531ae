package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Markdown as agents write it becomes HTML; nothing in it can run or load from elsewhere. */
class MarkdownRenderingTests {

    private final MessageFormatting formatting = new MessageFormatting();

    @Test
    void rendersParagraphsEmphasisListsAndLineBreaks() {
        String html = formatting.markdownToHtml("Hello **Ana**,\nthanks for *waiting*.\n\n- one\n- two\n\n1. first\n2. second");

        assertThat(html).contains("<strong>Ana</strong>").contains("<em>waiting</em>")
                .contains("<br />").contains("<ul><li>one</li><li>two</li></ul>").contains("<ol><li>first</li>");
    }

    @Test
    void rendersTables() {
        String html = formatting.markdownToHtml("| Printer | Status |\n|:--|--:|\n| HP 4 | on fire |\n");

        Document doc = Jsoup.parse(html);
        assertThat(doc.select("table thead th")).extracting(Element::text).containsExactly("Printer", "Status");
        assertThat(doc.select("table tbody td")).extracting(Element::text).containsExactly("HP 4", "on fire");
        assertThat(doc.select("th").get(0).attr("align")).isEqualTo("left");
        assertThat(doc.select("td").get(1).attr("align")).isEqualTo("right");
    }

    @Test
    void linksOpenInANewTabWithoutReferrer() {
        Element link = first(formatting.markdownToHtml("See [the guide](https://example.com/guide?a=1&b=2)."), "a");

        assertThat(link.attr("href")).isEqualTo("https://example.com/guide?a=1&b=2");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel").split(" ")).contains("nofollow", "noopener", "noreferrer");
    }

    @Test
    void bareUrlsAndEmailAddressesBecomeLinks() {
        Document doc = Jsoup.parse(formatting.markdownToHtml("Status page: https://status.example.com or write to help@example.com"));

        assertThat(doc.select("a")).extracting(a -> a.attr("href"))
                .containsExactly("https://status.example.com", "mailto:help@example.com");
    }

    @Test
    void rawHtmlIsShownAsTextNotRun() {
        String html = formatting.markdownToHtml("Try <script>alert('x')</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>");

        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, img, div[onclick]")).isEmpty();
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(doc.text()).contains("<script>alert('x')</script>").contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void dangerousLinksLoseTheirTarget() {
        for (String markdown : new String[] {"[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))",
                "[click](vbscript:msgbox(1))", "[click](data:text/html;base64,PHNjcmlwdD4=)",
                "<javascript:alert(1)>", "[click](java&#x09;script:alert(1))", "[click](//evil.example/x)"}) {
            String html = formatting.markdownToHtml(markdown);

            assertThat(Jsoup.parse(html).select("a[href]")).as(markdown).isEmpty();
            assertThat(html.toLowerCase()).as(markdown).doesNotContain("href=\"javascript").doesNotContain("href=\"data");
        }
    }

    @Test
    void imagesOnlyFromOurAttachments() {
        String ours = formatting.markdownToHtml("![screenshot](/attachments/12/screen.png?inline)");
        String remote = formatting.markdownToHtml("![tracker](https://tracker.example/pixel.gif)");
        String data = formatting.markdownToHtml("![x](data:image/png;base64,iVBORw0KGgo=)");

        assertThat(first(ours, "img").attr("src")).isEqualTo("/attachments/12/screen.png?inline");
        assertThat(first(ours, "img").attr("alt")).isEqualTo("screenshot");
        assertThat(Jsoup.parse(remote).select("img")).isEmpty();
        assertThat(Jsoup.parse(data).select("img")).isEmpty();
    }

    @Test
    void codeKeepsItsCharactersEscaped() {
        String html = formatting.markdownToHtml("```\n<b>not bold</b> & more\n```");

        assertThat(html).contains("<pre><code>&lt;b&gt;not bold&lt;/b&gt; &amp; more");
    }

    @Test
    void emptyInputGivesEmptyHtml() {
        assertThat(formatting.markdownToHtml(null)).isEmpty();
        assertThat(formatting.markdownToHtml("  \n ")).isEmpty();
    }

    private static Element first(String html, String selector) {
        Element element = Jsoup.parse(html).selectFirst(selector);
        assertThat(element).as(selector + " in " + html).isNotNull();
        return element;
    }
}
