package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain text of HTML reads like the message: for previews, notifications and the search index. */
class PlainTextTests {

    private final MessageFormatting formatting = new MessageFormatting();

    @Test
    void paragraphsAndHeadingsAreSeparatedByABlankLine() {
        assertThat(formatting.plainText("<h1>Invoice</h1><p>Hello   Ana,\n  thanks.</p><p>Second</p>"))
                .isEqualTo("Invoice\n\nHello Ana, thanks.\n\nSecond");
    }

    @Test
    void lineBreaksAndDivsBecomeLines() {
        assertThat(formatting.plainText("Line one<br>Line two<div>In a div</div><div>Another</div>"))
                .isEqualTo("Line one\nLine two\nIn a div\nAnother");
    }

    @Test
    void listItemsGetDashesAndNestedOnesAreIndented() {
        assertThat(formatting.plainText("<p>Steps:</p><ul><li>one</li><li>two<ul><li>two a</li></ul></li></ul><p>End</p>"))
                .isEqualTo("Steps:\n\n- one\n- two\n  - two a\n\nEnd");
    }

    @Test
    void tableCellsAreSeparatedByTabs() {
        assertThat(formatting.plainText("<table><tr><th>Name</th><th>Qty</th></tr><tr><td>Toner</td><td>2</td></tr></table>"))
                .isEqualTo("Name\tQty\nToner\t2");
    }

    @Test
    void preformattedTextKeepsItsSpacing() {
        assertThat(formatting.plainText("<pre>a  b\n  c</pre>")).isEqualTo("a  b\n  c");
    }

    @Test
    void scriptsStylesAndTagsVanishEntitiesAreDecoded() {
        assertThat(formatting.plainText("<style>p{}</style><script>alert(1)</script><p>Fish &amp; chips&nbsp;&lt;3 <b>now</b></p>"))
                .isEqualTo("Fish & chips <3 now");
    }

    @Test
    void renderedMarkdownReadsBack() {
        String html = formatting.markdownToHtml("# Title\n\nFirst line\nsecond line\n\n* a\n* b");

        assertThat(formatting.plainText(html)).isEqualTo("Title\n\nFirst line\nsecond line\n\n- a\n- b");
    }

    @Test
    void emptyInputGivesEmptyText() {
        assertThat(formatting.plainText(null)).isEmpty();
        assertThat(formatting.plainText("<p> </p>")).isEmpty();
    }
}
