package io.tessera.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/** The download name survives any characters, and no file name can add to or break the header. */
class ContentDispositionsTests {

    @Test
    void asciiNamesAppearInBothForms() {
        assertThat(ContentDispositions.attachment("report.pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
        assertThat(ContentDispositions.inline("photo.png"))
                .isEqualTo("inline; filename=\"photo.png\"; filename*=UTF-8''photo.png");
    }

    @Test
    void otherCharactersArePercentEncodedAsUtf8() {
        assertThat(ContentDispositions.attachment("Überweisung März 2026.pdf"))
                .isEqualTo("attachment; filename=\"_berweisung M_rz 2026.pdf\"; "
                        + "filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz%202026.pdf");
        assertThat(ContentDispositions.encode("🐱")).isEqualTo("%F0%9F%90%B1");
    }

    @Test
    void quotesSemicolonsAndPercentSignsCannotBreakOut() {
        String header = ContentDispositions.attachment("a\"; filename=evil.html; x=\"%41\\.txt");

        assertThat(header).isEqualTo("attachment; filename=\"a_; filename=evil.html; x=__41_.txt\"; "
                + "filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%22%2541%5C.txt");
        // Spring's parser, like a browser, prefers filename* and gets the name back exactly.
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("a\"; filename=evil.html; x=\"%41\\.txt");
    }
}
