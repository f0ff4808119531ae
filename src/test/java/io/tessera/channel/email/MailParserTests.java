package io.tessera.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tessera.conversation.MessageFormatting;

/** Small hand-written messages, one per thing the parser must get right. */
class MailParserTests {

    private final MailParser parser = new MailParser(new MessageFormatting());

    static byte[] resource(String name) throws IOException {
        try (InputStream in = MailParserTests.class.getResourceAsStream("/mail/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsHeadersLatin1BodyAndRfc2231FileName() throws IOException {
        ParsedMail mail = parser.parse(resource("rfc2231-latin1.eml"));

        assertThat(mail.from()).isEqualTo(new MailAddress("juergen@example.test", "Jürgen Müller"));
        assertThat(mail.to()).containsExactly(new MailAddress("support@tessera.test", "Support"),
                new MailAddress("ann@example.test", "Ann, B."));
        assertThat(mail.cc()).containsExactly(new MailAddress("carl@example.test", ""));
        assertThat(mail.subject()).isEqualTo("Rechnung für März");
        assertThat(mail.messageId()).isEqualTo("abc.123@example.test");
        assertThat(mail.inReplyTo()).containsExactly("out-1@tessera.test");
        assertThat(mail.references()).containsExactly("root@tessera.test", "out-1@tessera.test");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-03-03T09:15:00Z"));
        assertThat(mail.text()).isEqualTo("Grüße aus Köln");
        assertThat(mail.html()).isEmpty();
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("Rechnung März 2026.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
            assertThat(file.inline()).isFalse();
        });
        assertThat(mail.replyAddresses()).containsExactly(mail.from());
    }

    @Test
    void controlCharactersThatCannotBeStoredAreDroppedFromSubjectNamesAndBody() {
        String raw = "From: =?utf-8?Q?Ann=00_Bell?= <ann@example.test>\r\n"
                + "To: support@tessera.test\r\n"
                + "Subject: =?utf-8?Q?Printer=00_broken=07_again?=\r\n"
                + "Message-ID: <nul-1@example.test>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Line one=00 still=0B here=\r\n\r\n\tIndented line two\r\n";

        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.subject()).isEqualTo("Printer broken again");
        assertThat(mail.from().name()).isEqualTo("Ann Bell");
        assertThat(mail.text()).isEqualTo("Line one still here\n\tIndented line two\n");
    }

    @Test
    void sanitisesHtmlDerivesTextAndResolvesInlineImages() throws IOException {
        ParsedMail mail = parser.parse(resource("html-inline-image.eml"));

        assertThat(mail.html()).contains("Hello <b>there</b>").contains("cid:logo")
                .doesNotContain("script").doesNotContain("onclick").doesNotContain("color:red");
        assertThat(mail.text()).startsWith("Hello there"); // then the image's alt text
        MailAttachment logo = mail.attachmentByContentId("<logo@example.test>").orElseThrow();
        assertThat(logo.fileName()).isEqualTo("logo.png");
        assertThat(logo.inline()).isTrue();
        assertThat(logo.size()).isEqualTo(8);
        assertThat(mail.htmlWithImages(file -> "/attachments/7/" + file.fileName()))
                .contains("src=\"/attachments/7/logo.png\"").doesNotContain("cid:");
    }

    @Test
    void readsDeliveryStatusNotifications() throws IOException {
        ParsedMail mail = parser.parse(resource("dsn-bounce.eml"));

        DeliveryReport report = mail.report().orElseThrow();
        assertThat(report.recipients()).containsExactly(new DeliveryReport.Recipient("gone@example.test", "failed",
                "5.1.1", "smtp; 550 5.1.1 User unknown"));
        assertThat(report.originalMessageId()).isEqualTo("ticket-42.reply-7@tessera.test");
    }

    @Test
    void unknownAndMislabelledCharsetsFallBack() {
        String raw = "From: a@example.test\r\nSubject: =?x-unknown?Q?caf=C3=A9?=\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\n";
        byte[] head = raw.getBytes(StandardCharsets.US_ASCII);
        byte[] body = "Café".getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[head.length + body.length];
        System.arraycopy(head, 0, message, 0, head.length);
        System.arraycopy(body, 0, message, head.length, body.length);

        ParsedMail mail = parser.parse(message);

        assertThat(mail.subject()).isEqualTo("café");
        assertThat(mail.text()).isEqualTo("Café");
        assertThat(MailCharsets.decode("K\u00f6ln".getBytes(StandardCharsets.ISO_8859_1), "bogus-charset"))
                .isEqualTo("Köln");
    }

    @Test
    void keepsForwardedMessagesAsEmlAttachments() {
        String raw = "From: a@example.test\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\nSee below\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n"
                + "From: b@example.test\r\nSubject: The original\r\nMessage-ID: <orig@example.test>\r\n\r\nHi\r\n--x--\r\n";

        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.text()).isEqualTo("See below");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("The original.eml");
            assertThat(file.contentType()).isEqualTo("message/rfc822");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).contains("Subject: The original");
        });
    }

    @Test
    void keepsAMeetingInvitationThatIsAnAlternativeToTheText() {
        String raw = "From: a@example.test\r\nSubject: Meeting\r\nContent-Type: multipart/alternative; boundary=x\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\nLet us meet\r\n--x\r\nContent-Type: text/html\r\n\r\n<p>Let us meet</p>\r\n"
                + "--x\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n--x--\r\n";

        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.text()).isEqualTo("Let us meet");
        assertThat(mail.html()).isEqualTo("<p>Let us meet</p>");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("attachment.ics");
            assertThat(file.contentType()).isEqualTo("text/calendar");
        });
    }

    @Test
    void somethingThatIsNoMessageIsAClearError() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MailParseException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("\r\n\r\njust a body".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MailParseException.class).hasMessageContaining("no header");
    }

    @Test
    void decodesDamagedBase64LikeOtherMailReaders() {
        // "%PDF-1.4\n" is JVBERi0xLjQK; a stray leading "A" makes 13 characters, which a strict decoder refuses.
        byte[] raw = ("From: a@example.test\r\nSubject: scan\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--b\r\nContent-Type: application/pdf; name=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=scan.pdf\r\n\r\nAJVBERi0xLjQK=\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        MailAttachment scan = parser.parse(raw).attachments().get(0);

        assertThat(scan.fileName()).isEqualTo("scan.pdf");
        assertThat(scan.size()).as("decoded, not the base64 text kept as it was").isLessThan(13);
    }

    @Test
    void takesUuencodedFilesOutOfTheText() {
        // "Cat" uuencoded: one line of length 3, then the empty line and "end".
        byte[] raw = ("From: a@example.test\r\nSubject: old mailer\r\n\r\nHere is the file.\r\n\r\n"
                + "begin 644 cat.txt\r\n#0V%T\r\n`\r\nend\r\n\r\nBye\r\n").getBytes(StandardCharsets.US_ASCII);

        ParsedMail mail = parser.parse(raw);

        assertThat(mail.text()).contains("Here is the file.").contains("Bye").doesNotContain("begin 644");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("cat.txt");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("Cat");
        });
    }

    @Test
    void aBlockThatIsNotUuencodedStaysInTheText() {
        byte[] raw = ("From: a@example.test\r\nSubject: words\r\n\r\nbegin 644 the plan\r\n!!! not data !!!\r\nend\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        ParsedMail mail = parser.parse(raw);

        assertThat(mail.text()).contains("begin 644 the plan");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void listsTheFilesOfAForwardedMessageAfterItsEml() {
        String inner = "From: supplier@example.test\r\nSubject: Invoice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=i\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                + "--i\r\nContent-Type: application/pdf; name=invoice.pdf\r\nContent-Disposition: attachment; filename=invoice.pdf\r\n"
                + "\r\n%PDF-1.4\r\n--i--\r\n";
        byte[] raw = ("From: customer@example.test\r\nSubject: Fw: Invoice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\nPlease check.\r\n"
                + "--o\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=Invoice.eml\r\n\r\n"
                + inner + "--o--\r\n").getBytes(StandardCharsets.US_ASCII);

        ParsedMail mail = parser.parse(raw);

        assertThat(mail.attachments()).extracting(MailAttachment::fileName).containsExactly("Invoice.eml", "invoice.pdf");
        assertThat(mail.text()).contains("Please check.").doesNotContain("Attached.");
    }
}
