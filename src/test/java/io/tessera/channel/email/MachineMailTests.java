package io.tessera.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tessera.conversation.MessageFormatting;

class MachineMailTests {

    private final MailParser parser = new MailParser(new MessageFormatting());

    private MachineMail.Verdict classify(String raw) {
        return MachineMail.classify(parser.parse(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aDeliveryStatusNotificationIsAPermanentBounceWithRecipientAndOriginalId() throws IOException {
        MachineMail.Verdict verdict = MachineMail.classify(parser.parse(MailParserTests.resource("dsn-bounce.eml")));

        assertThat(verdict.kind()).isEqualTo(MachineMail.Kind.BOUNCE);
        assertThat(verdict.status()).isEqualTo("5.1.1");
        assertThat(verdict.severity()).isEqualTo(MachineMail.Severity.PERMANENT);
        assertThat(verdict.failedRecipients()).containsExactly("gone@example.test");
        assertThat(verdict.originalMessageId()).isEqualTo("ticket-42.reply-7@tessera.test");
        assertThat(verdict.mayAutoReply()).isFalse();
    }

    @Test
    void anOutOfOfficeReplyIsAnAutoReply() throws IOException {
        MachineMail.Verdict verdict = MachineMail.classify(parser.parse(MailParserTests.resource("auto-reply.eml")));

        assertThat(verdict.kind()).isEqualTo(MachineMail.Kind.AUTO_REPLY);
        assertThat(verdict.reason()).contains("Auto-Submitted");
    }

    @Test
    void headersAloneMakeAutoReplies() {
        assertThat(classify("From: a@example.test\r\nPrecedence: bulk\r\nSubject: News\r\n\r\nx").kind())
                .isEqualTo(MachineMail.Kind.AUTO_REPLY);
        assertThat(classify("From: a@example.test\r\nX-Autoreply: yes\r\nSubject: Hi\r\n\r\nx").kind())
                .isEqualTo(MachineMail.Kind.AUTO_REPLY);
        assertThat(classify("From: a@example.test\r\nSubject: Out of Office: back Monday\r\n\r\nx").kind())
                .isEqualTo(MachineMail.Kind.AUTO_REPLY);
    }

    @Test
    void ordinaryMailIsNormalEvenWhenItMentionsAbsence() {
        MachineMail.Verdict verdict = classify("From: a@example.test\r\nAuto-Submitted: no\r\n"
                + "Subject: My colleague is out of office, can you help?\r\n\r\nx");

        assertThat(verdict.kind()).isEqualTo(MachineMail.Kind.NORMAL);
        assertThat(verdict.mayAutoReply()).isTrue();
    }

    @Test
    void failedRecipientsHeaderAndTransientStatusInText() {
        MachineMail.Verdict verdict = classify("From: postmaster@mx.example.test\r\n"
                + "X-Failed-Recipients: slow@example.test\r\nSubject: Warning\r\n\r\n"
                + "Delivery to slow@example.test delayed: 451 4.4.1 try again later");

        assertThat(verdict.kind()).isEqualTo(MachineMail.Kind.BOUNCE);
        assertThat(verdict.failedRecipients()).containsExactly("slow@example.test");
        assertThat(verdict.status()).isEqualTo("4.4.1");
        assertThat(verdict.severity()).isEqualTo(MachineMail.Severity.TRANSIENT);
    }
}
