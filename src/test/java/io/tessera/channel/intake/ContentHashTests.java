package io.tessera.channel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tessera.channel.TestMail;

/** Two hand-overs are the same message when only what servers add on the way differs. */
class ContentHashTests {

    private final TestMail mail = TestMail.from("Jane <jane@customer.example>", "Printer").messageId("same@mail.example");

    @Test
    void aRedeliveryWithItsOwnTraceHeadersIsTheSameMessage() {
        byte[] first = ("Received: from a.example by mx1.example; Wed, 25 Nov 2026 09:00:01 +0000\r\n"
                + "Return-Path: <jane@customer.example>\r\nDelivered-To: support@tessera.localhost\r\n"
                + new String(mail.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] again = ("Received: from b.example by mx2.example;\r\n\tWed, 25 Nov 2026 09:07:12 +0000\r\n"
                + "X-Original-To: help@tessera.localhost\r\nARC-Seal: i=1; cv=none; b=abc\r\n"
                + "Authentication-Results: mx2.example; spf=pass\r\n"
                + new String(mail.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        assertThat(ContentHash.of(again)).isEqualTo(ContentHash.of(first)).isEqualTo(ContentHash.of(mail.bytes()));
    }

    @Test
    void lineEndsAndATrailingNewlineDoNotMakeAnotherMessage() {
        String crlf = new String(mail.bytes(), StandardCharsets.UTF_8);
        byte[] lf = (crlf.replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(ContentHash.of(lf)).isEqualTo(ContentHash.of(mail.bytes()));
    }

    @Test
    void whatTheSenderWroteMakesAnotherMessage() {
        String hash = ContentHash.of(mail.bytes());

        assertThat(ContentHash.of(mail.body("Something else.").bytes())).isNotEqualTo(hash);
        assertThat(ContentHash.of(TestMail.from("Mallory <m@evil.test>", "Printer").messageId("same@mail.example").bytes()))
                .isNotEqualTo(hash);
        assertThat(ContentHash.of(TestMail.from("Jane <jane@customer.example>", "Invoice").messageId("same@mail.example").bytes()))
                .isNotEqualTo(hash);
    }

    @Test
    void aMessageWithoutBodyOrReadableHeadersStillHasAHash() {
        assertThat(ContentHash.of("Subject: only headers".getBytes(StandardCharsets.US_ASCII))).hasSize(64);
        assertThat(ContentHash.of(new byte[0])).hasSize(64);
    }
}
