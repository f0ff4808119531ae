package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Image types come from the bytes; other declared types are kept when they parse. */
class ContentTypesTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void recognisesSafeRasterImagesByTheirSignature() {
        assertThat(ContentTypes.decide("application/octet-stream", PNG)).isEqualTo("image/png");
        assertThat(ContentTypes.decide(null, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).isEqualTo("image/jpeg");
        assertThat(ContentTypes.decide("image/gif", ascii("GIF89a\u0001\u0000"))).isEqualTo("image/gif");
        assertThat(ContentTypes.decide("image/webp", ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).isEqualTo("image/webp");
    }

    @Test
    void anImageTypeTheBytesDoNotBearOutIsNotKept() {
        assertThat(ContentTypes.decide("image/png", ascii("<html><script>"))).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.decide("IMAGE/JPEG", ascii("GIF8"))).isEqualTo("application/octet-stream");
    }

    @Test
    void otherTypesAreKeptNormalised() {
        assertThat(ContentTypes.decide("application/PDF", ascii("%PDF-1.7"))).isEqualTo("application/pdf");
        assertThat(ContentTypes.decide("text/html; charset=UTF-8", ascii("<html>"))).isEqualTo("text/html");
        assertThat(ContentTypes.decide("image/svg+xml", ascii("<svg"))).isEqualTo("image/svg+xml");
    }

    @Test
    void nonsenseBecomesOctetStream() {
        assertThat(ContentTypes.decide("", new byte[0])).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.decide("not a type", new byte[0])).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.decide("*/*", new byte[0])).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.decide("text/\u0000html", new byte[0])).isEqualTo("application/octet-stream");
    }

    @Test
    void sizesAreDescribedAsPeopleReadThem() {
        assertThat(AttachmentTooLarge.describe(org.springframework.util.unit.DataSize.ofMegabytes(25))).isEqualTo("25 MB");
        assertThat(AttachmentTooLarge.describe(org.springframework.util.unit.DataSize.ofKilobytes(1536))).isEqualTo("1.5 MB");
        assertThat(AttachmentTooLarge.describe(org.springframework.util.unit.DataSize.ofKilobytes(64))).isEqualTo("64 KB");
        assertThat(AttachmentTooLarge.describe(org.springframework.util.unit.DataSize.ofBytes(900))).isEqualTo("900 bytes");
        assertThat(new AttachmentTooLarge(org.springframework.util.unit.DataSize.ofMegabytes(25)).getMessage())
                .isEqualTo("Files can be at most 25 MB.");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
