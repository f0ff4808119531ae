package io.tessera.conversation.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

import io.tessera.conversation.Attachment;
import io.tessera.conversation.AttachmentTooLarge;
import io.tessera.conversation.Attachments;
import io.tessera.conversation.Message;
import io.tessera.ticket.Ticket;

/**
 * Files of the ticket page's reply form. They are stored when the form arrives, before the transaction
 * that saves the reply (a slow disk holds no database connection), and linked to the message inside it.
 * When the reply is not saved (a field error, a collision, a file over the limit) the files already
 * stored ride along in the re-shown form as hidden ids, so the agent does not pick them again.
 */
@Component
class ReplyUploads {

    /** The files of one submit: those kept from an earlier attempt and the new ones; an error if one was refused. */
    record Uploaded(List<Attachment> files, String error) {
        List<Long> ids() {
            return files.stream().map(Attachment::id).toList();
        }
    }

    private final Attachments attachments;

    ReplyUploads(Attachments attachments) {
        this.attachments = attachments;
    }

    Uploaded store(Ticket ticket, List<MultipartFile> files, List<Long> keptIds) {
        List<Attachment> stored = new ArrayList<>();
        // Only uploads of this ticket not yet on a message: a tampered id cannot pull in someone else's file.
        for (Long id : keptIds == null ? List.<Long>of() : keptIds) {
            attachments.find(id).filter(a -> a.ticketId().equals(ticket.id()) && a.messageId() == null)
                    .ifPresent(stored::add);
        }
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            try (InputStream content = file.getInputStream()) {
                stored.add(attachments.store(ticket.id(), null, file.getOriginalFilename(), file.getContentType(), content));
            } catch (AttachmentTooLarge e) {
                return new Uploaded(stored, file.getOriginalFilename() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Uploaded(stored, null);
    }

    /** What the page shows: each message's files, the upload limit, and files waiting from a refused submit. */
    void addTo(Model model, List<Message> messages) {
        Map<Long, List<Attachment>> byMessage = attachments.forMessages(messages.stream().map(Message::id).toList())
                .stream().collect(Collectors.groupingBy(Attachment::messageId));
        model.addAttribute("files", byMessage);
        model.addAttribute("maxUploadBytes", attachments.maxSize().toBytes());
        model.addAttribute("maxUploadLabel", AttachmentTooLarge.describe(attachments.maxSize()));
        if (!model.containsAttribute("keptAttachments")) {
            model.addAttribute("keptAttachments", List.of());
        }
    }
}
