package io.tessera.conversation.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.tessera.conversation.Attachment;
import io.tessera.conversation.Attachments;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageFormatting;
import io.tessera.conversation.MessageKind;
import io.tessera.conversation.api.ApiJson.ActorResponse;
import io.tessera.conversation.api.ApiJson.AttachmentResponse;
import io.tessera.conversation.api.ApiJson.MessageResponse;

/**
 * Messages as the API shows them. Bodies are stored as written and rendered here with the page's rules
 * ({@link MessageFormatting}): Markdown and HTML become sanitised HTML, and plain text is derived from that
 * HTML. The attachments of a whole page are read in one query.
 */
@Component
class MessageJson {

    private final MessageFormatting formatting;
    private final Attachments attachments;

    MessageJson(MessageFormatting formatting, Attachments attachments) {
        this.formatting = formatting;
        this.attachments = attachments;
    }

    List<MessageResponse> of(List<Message> messages) {
        Map<Long, List<Attachment>> files = attachments.forMessages(messages.stream().map(Message::id).toList())
                .stream().collect(Collectors.groupingBy(Attachment::messageId));
        return messages.stream().map(m -> of(m, files.getOrDefault(m.id(), List.of()))).toList();
    }

    private MessageResponse of(Message message, List<Attachment> files) {
        String html;
        String text;
        if (message.format() == BodyFormat.TEXT) {
            text = message.body();
            html = "<p>" + HtmlUtils.htmlEscape(message.body()).replace("\n", "<br>\n") + "</p>";
        } else {
            html = message.format() == BodyFormat.MARKDOWN ? formatting.markdownToHtml(message.body())
                    : formatting.sanitize(message.body());
            text = formatting.plainText(html);
        }
        return new MessageResponse(message.id(), kind(message.kind()),
                new ActorResponse(message.author().type().name().toLowerCase(), message.author().id(), message.authorName()),
                text, html, files.stream().map(MessageJson::attachment).toList(), message.channel().key(),
                message.createdAt(), message.visibleText());
    }

    static String kind(MessageKind kind) {
        return switch (kind) {
            case CUSTOMER_MESSAGE -> "customer";
            case PUBLIC_REPLY -> "public";
            case INTERNAL_NOTE -> "internal";
        };
    }

    /** Downloads through the API chain (token or Basic), with the same headers and access rule as the page's. */
    private static AttachmentResponse attachment(Attachment a) {
        return new AttachmentResponse(a.id(), a.fileName(), a.contentType(), a.size(), "/api/v1" + a.downloadPath(),
                a.scan().name().toLowerCase(java.util.Locale.ROOT), a.signature());
    }
}
