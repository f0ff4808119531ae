package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTML from outside keeps its formatting and loses everything active. The nasty inputs are the classics
 * of the OWASP XSS filter evasion cheat sheet and a few mutation-XSS tricks.
 */
class HtmlSanitizingTests {

    private static final Set<String> ALLOWED = Set.of("p", "div", "span", "br", "hr", "b", "strong", "i", "em", "u",
            "s", "strike", "del", "ins", "sub", "sup", "small", "mark", "code", "pre", "kbd", "samp", "var",
            "blockquote", "q", "cite", "abbr", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "a", "img");
    private static final Pattern SAFE_HREF = Pattern.compile("(https?://|mailto:|/attachments/\\d+/).*");
    private static final Pattern SAFE_SRC = Pattern.compile("(cid:|/attachments/\\d+/).*");

    private final MessageFormatting formatting = new MessageFormatting();

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('XSS')</script>",
            "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=javascript:alert('XSS')>",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
            "<a onmouseover=alert(document.cookie)>xxs link</a>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
            "<IMG SRC=# onmouseover=\"alert('xxs')\">",
            "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
            "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
            "<IMG SRC=\"jav\tascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
            "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
            "<a href=\"&#14;javascript:alert(1)\">x</a>",
            "<a href=\"  JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"javas&#99;ript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"//evil.example/phish\">x</a>",
            "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
            "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
            "<SCRIPT SRC=//xss.rocks/.j>",
            "<iframe src=http://xss.rocks/scriptlet.html <",
            "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
            "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
            "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
            "<IMG DYNSRC=\"javascript:alert('XSS')\">",
            "<IMG LOWSRC=\"javascript:alert('XSS')\">",
            "<svg/onload=alert('XSS')>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
            "<STYLE>BODY{-moz-binding:url(\"http://xss.rocks/xssmoz.xml#xss\")}</STYLE>",
            "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">x</DIV>",
            "<DIV STYLE=\"width: expression(alert('XSS'));\">x</DIV>",
            "<p style=\"color:red\" class=\"x\" id=\"y\">styled</p>",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
            "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
            "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
            "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
            "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TR><TD BACKGROUND=\"javascript:alert('XSS')\">x</TD></TR></TABLE>",
            "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
            "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
            "<form action=\"javascript:alert(1)\"><input name=x><button formaction=\"javascript:alert(2)\">go</button></form>",
            "<BASE HREF=\"javascript:alert('XSS');//\">",
            "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
            "<details open ontoggle=alert(1)>x</details>",
            "<xss onafterscriptexecute=alert(1)><script>1</script>",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
            "<img src=\"https://tracker.example/pixel.gif\">",
            "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
            "<a href=\"https://example.com\" onclick=\"steal()\" target=\"_self\" rel=\"opener\">x</a>",
            "<video><source onerror=\"alert(1)\"></video><audio src=x onerror=alert(1)>",
            "<template><script>alert(1)</script></template>",
            "<div><a href=\"javascript&colon;alert(1)\">x</a></div>",
    })
    void leavesNothingActive(String nasty) {
        String html = formatting.sanitize(nasty);

        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).as(nasty).doesNotContain("<script").doesNotContain("<style").doesNotContain("<iframe")
                .doesNotContain("<svg").doesNotContain("<object").doesNotContain("<embed").doesNotContain("<form")
                .doesNotContain("<meta").doesNotContain("<base").doesNotContain("<link");
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element element : doc.body().getAllElements()) {
            if (element == doc.body()) {
                continue;
            }
            assertThat(ALLOWED).as("element in %s -> %s", nasty, html).contains(element.normalName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s -> %s", nasty, html)
                        .doesNotStartWith("on").isNotIn("style", "class", "id", "background", "dynsrc", "lowsrc",
                                "formaction", "action", "xlink:href");
                if (name.equals("href")) {
                    assertThat(attribute.getValue()).as("href in %s -> %s", nasty, html).matches(SAFE_HREF);
                }
                if (name.equals("src")) {
                    assertThat(attribute.getValue()).as("src in %s -> %s", nasty, html).matches(SAFE_SRC);
                }
            }
        }
        assertThat(formatting.sanitize(html)).as("sanitising again changes nothing").isEqualTo(html);
    }

    @Test
    void keepsCommonFormatting() {
        String mail = "<h2>Order</h2><p>Hello <b>Ana</b>, <i>thanks</i> <u>a lot</u>.<br>Second line</p>"
                + "<blockquote>quoted <em>text</em></blockquote><ul><li>one</li></ul><ol start=\"3\"><li>three</li></ol>"
                + "<table><thead><tr><th colspan=\"2\">head</th></tr></thead><tbody><tr><td>a</td><td align=\"right\">b</td></tr></tbody></table>"
                + "<pre><code>code</code></pre>";

        String html = formatting.sanitize(mail);

        assertThat(html).contains("<h2>Order</h2>").contains("<b>Ana</b>").contains("<i>thanks</i>")
                .contains("<u>a lot</u>").contains("<br />").contains("<blockquote>quoted <em>text</em></blockquote>")
                .contains("<ul><li>one</li></ul>").contains("<ol start=\"3\">").contains("<th colspan=\"2\">head</th>")
                .contains("<td align=\"right\">b</td>").contains("<pre><code>code</code></pre>");
    }

    @Test
    void linksGetRelAndTargetAndKeepTheirText() {
        Element link = Jsoup.parseBodyFragment(formatting.sanitize("<a href=\"https://example.com/a?b=1\" target=\"_self\">site</a>"))
                .selectFirst("a");

        assertThat(link.attr("href")).isEqualTo("https://example.com/a?b=1");
        assertThat(link.attr("target")).isEqualTo("_blank");
        assertThat(link.attr("rel").split(" ")).contains("nofollow", "noopener", "noreferrer");
        assertThat(link.text()).isEqualTo("site");
        Element mail = Jsoup.parseBodyFragment(formatting.sanitize("<a href=\"mailto:help@example.com\">mail us</a>")).selectFirst("a");
        assertThat(mail.attr("href")).isEqualTo("mailto:help@example.com");
    }

    @Test
    void imagesFromContentIdsAndOurAttachmentsStay() {
        Document doc = Jsoup.parseBodyFragment(formatting.sanitize(
                "<img src=\"cid:logo@mail.example\" alt=\"logo\" width=\"120\" height=\"40\" onerror=\"x()\">"
                        + "<img src=\"/attachments/7/photo.jpg?inline\" alt=\"photo\">"));

        assertThat(doc.select("img")).extracting(i -> i.attr("src"))
                .containsExactly("cid:logo@mail.example", "/attachments/7/photo.jpg?inline");
        assertThat(doc.selectFirst("img").attr("width")).isEqualTo("120");
    }

    @Test
    void scriptAndStyleContentDisappearsWithTheElement() {
        String html = formatting.sanitize("<html><head><title>Mail</title><style>p { color: red }</style></head>"
                + "<body><p>Visible</p><script>var secret = 1;</script></body></html>");

        assertThat(html).contains("<p>Visible</p>").doesNotContain("color: red").doesNotContain("secret");
    }

    @Test
    void emptyInputGivesEmptyHtml() {
        assertThat(formatting.sanitize(null)).isEmpty();
        assertThat(formatting.sanitize("")).isEmpty();
    }
}
