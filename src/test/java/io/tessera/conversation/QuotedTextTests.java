package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class QuotedTextTests {

    @Test
    void gmailQuoteIsFoldedAndTheNewTextStaysVisible() {
        String html = "<div dir=\"ltr\">Works now, thanks!</div><br><div class=\"gmail_quote\"><div>On Mon, Ann wrote:</div>"
                + "<blockquote>Try again?</blockquote></div>";

        Document folded = Jsoup.parseBodyFragment(QuotedText.foldHtml(html));

        assertThat(folded.body().child(0).text()).isEqualTo("Works now, thanks!");
        assertThat(folded.select("details.quoted > summary").text()).isEqualTo("…");
        assertThat(folded.select("details.quoted").text()).contains("On Mon, Ann wrote:").contains("Try again?");
        assertThat(folded.select("details.quoted").text()).doesNotContain("Works now");
    }

    @Test
    void outlookHeaderBlockAndEverythingAfterItAreFoldedInsideTheirWrapper() {
        String html = "<div class=\"WordSection1\"><p>New answer</p><div id=\"divRplyFwdMsg\"><b>From:</b> Support</div>"
                + "<div><p>Old question</p></div></div>";

        Document folded = Jsoup.parseBodyFragment(QuotedText.foldHtml(html));

        assertThat(folded.select("div.WordSection1 > p").first().text()).isEqualTo("New answer");
        assertThat(folded.select("details.quoted").text()).contains("From: Support").contains("Old question");
    }

    @Test
    void aMessageThatIsOnlyAQuoteIsShownWhole() {
        String forwarded = "<blockquote type=\"cite\">Forwarded conversation</blockquote>";

        assertThat(QuotedText.foldHtml(forwarded)).isEqualTo(forwarded);
    }

    @Test
    void htmlWithoutQuotesIsUnchanged() {
        String html = "<p>Just a question.</p>";

        assertThat(QuotedText.foldHtml(html)).isEqualTo(html);
    }

    @Test
    void plainTextFoldsWhatFollowsTheVisibleTextAndEscapesIt() {
        String body = "Thanks, <b>done</b>.\n\nOn Mon, Ann wrote:\n> Try again?";

        String folded = QuotedText.foldText(body, "Thanks, <b>done</b>.");

        assertThat(folded).startsWith("<div class=\"message-body\">Thanks, &lt;b&gt;done&lt;/b&gt;.</div><details class=\"quoted\">");
        assertThat(folded).contains("On Mon, Ann wrote:\n&gt; Try again?");
        assertThat(QuotedText.foldText(body, body)).isNull();
        assertThat(QuotedText.foldText(body, null)).isNull();
    }
}
