package io.tessera.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTests {

    @Test
    void foldsTheQuoteUnderAWroteHeader() {
        ReplyText.Split split = ReplyText.visible("Thanks, that worked.\n\nOn Tue, Mar 3, 2026 at 10:00 AM, Support"
                + " <support@tessera.test> wrote:\n> Please restart the printer.\n> \n");

        assertThat(split.visible()).isEqualTo("Thanks, that worked.");
        assertThat(split.quoted()).startsWith("On Tue").contains("> Please restart the printer.");
        assertThat(split.signature()).isEmpty();
        assertThat(split.hasFolded()).isTrue();
    }

    @Test
    void foldsOutlookHeadersAndTheSignature() {
        ReplyText.Split split = ReplyText.visible("Yes please.\n\n-- \nBob Smith\nACME\n\n"
                + "________________________________\nFrom: Support <support@tessera.test>\nSent: Tuesday, March 3, 2026\n"
                + "To: Bob\nSubject: RE: Printer\n\nPlease restart it.");

        assertThat(split.visible()).isEqualTo("Yes please.");
        assertThat(split.signature()).isEqualTo("-- \nBob Smith\nACME");
        assertThat(split.quoted()).startsWith("_____").contains("Please restart it.");
    }

    @Test
    void foldsOriginalMessageMarkersAndMobileSignatures() {
        ReplyText.Split split = ReplyText.visible("Done\n\nSent from my iPhone\n\n-----Original Message-----\nHi");

        assertThat(split.visible()).isEqualTo("Done");
        assertThat(split.signature()).isEqualTo("Sent from my iPhone");
        assertThat(split.quoted()).isEqualTo("-----Original Message-----\nHi");
    }

    @Test
    void keepsAnswersBetweenQuotesVisible() {
        String text = "On Mon, Ann wrote:\n> Does it print?\nNo.\n> Is it on?\nYes.";

        assertThat(ReplyText.visible(text).visible()).isEqualTo(text);
    }

    @Test
    void plainTextIsAllVisible() {
        ReplyText.Split split = ReplyText.visible("Hello\n\nmy printer - the big one - is broken.\n");

        assertThat(split.visible()).isEqualTo("Hello\n\nmy printer - the big one - is broken.");
        assertThat(split.hasFolded()).isFalse();
    }
}
