package io.tessera.channel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The email channel's install settings ({@code tessera.mail.*}, docs/configuration.md).
 *
 * @param supportAddress   the addresses (and {@code @domain}s) mail is accepted for, comma-separated; the
 *                         first is the default sender ({@code TESSERA_SUPPORT_ADDRESS})
 * @param smtpReceiverPort the built-in SMTP receiver's port; {@code 0} turns it off
 *                         ({@code TESSERA_SMTP_RECEIVER_PORT})
 * @param smtpReceiverBind the address it listens on
 * @param maxSize          a larger message is stored and flagged, its files not imported
 *                         ({@code TESSERA_MAIL_MAX_SIZE})
 * @param receiverLimit    the SMTP receiver refuses a message larger than this during the transfer (552)
 * @param processWorkers   threads turning stored mail into tickets
 * @param pollEnabled      whether this node polls the admins' IMAP/POP3 mailboxes at all; off e.g. on a
 *                         staging copy of production, so it does not take mail meant for production
 *                         ({@code TESSERA_MAIL_POLL_ENABLED}, default true)
 */
@ConfigurationProperties("tessera.mail")
public record MailProperties(String supportAddress, int smtpReceiverPort, String smtpReceiverBind, DataSize maxSize,
                             DataSize receiverLimit, int processWorkers, @DefaultValue("true") boolean pollEnabled) {

    public MailProperties {
        supportAddress = supportAddress == null || supportAddress.isBlank() ? "support@tessera.localhost" : supportAddress;
        smtpReceiverBind = smtpReceiverBind == null || smtpReceiverBind.isBlank() ? "0.0.0.0" : smtpReceiverBind;
        maxSize = maxSize == null ? DataSize.ofMegabytes(40) : maxSize;
        receiverLimit = receiverLimit == null ? DataSize.ofMegabytes(100) : receiverLimit;
        processWorkers = processWorkers <= 0 ? 2 : processWorkers;
    }

    /** The configured addresses and domains ({@code @example.com}), lower case. */
    public List<String> supportAddresses() {
        return Arrays.stream(supportAddress.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** The first configured full address: where mail comes from when no team has its own. */
    public String defaultSender() {
        return supportAddresses().stream().filter(a -> !a.startsWith("@")).findFirst().orElse("support@tessera.localhost");
    }
}
