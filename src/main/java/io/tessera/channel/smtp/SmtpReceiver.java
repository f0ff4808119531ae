package io.tessera.channel.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;

import io.tessera.channel.MailProperties;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.MailIntake;
import io.tessera.channel.settings.SupportAddresses;

/**
 * The built-in SMTP receiver (SubEtha SMTP): any mail client or relay can deliver to Tessera directly, on
 * port 2525 by default ({@code TESSERA_SMTP_RECEIVER_PORT}, 0 turns it off). It accepts only recipients
 * that are our support addresses (an open relay it is not), refuses messages over the receiver limit
 * during the transfer (552), and answers "250" only once the message is stored and committed
 * ({@link MailIntake}); a database failure answers "451", so the sending server keeps the message and
 * tries again. Nothing is acknowledged that is not safe.
 */
@Component
class SmtpReceiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpReceiver.class);

    private final MailProperties settings;
    private final SupportAddresses addresses;
    private final MailIntake intake;
    private SMTPServer server;

    SmtpReceiver(MailProperties settings, SupportAddresses addresses, MailIntake intake) {
        this.settings = settings;
        this.addresses = addresses;
        this.intake = intake;
    }

    @Override
    public synchronized void start() {
        if (settings.smtpReceiverPort() <= 0 || server != null) {
            return;
        }
        server = SMTPServer.port(settings.smtpReceiverPort())
                .bindAddress(bindAddress())
                .hostName(domainOf(settings.defaultSender()))
                .softwareName("Tessera")
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, settings.receiverLimit().toBytes()))
                .maxRecipients(100)
                .connectionTimeoutMs(60_000)
                .messageHandlerFactory(this::handler)
                .build();
        server.start();
        log.info("SMTP receiver listening on port {} for {}", server.getPortAllocated(), settings.supportAddress());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The port it listens on (useful when configured as an ephemeral port), or 0 when off. */
    synchronized int port() {
        return server == null ? 0 : server.getPortAllocated();
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) {
                // Any sender: customers write from anywhere. Loops are recognised after storing.
            }

            @Override
            public void recipient(String recipient) throws RejectException {
                if (!addresses.accepts(recipient)) {
                    throw new RejectException(550, "5.1.1 <" + recipient + ">: not a support address of this help desk");
                }
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws RejectException, TooMuchDataException, IOException {
                byte[] raw = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.receiverLimit().toBytes() + 1));
                if (raw.length > settings.receiverLimit().toBytes()) {
                    throw new TooMuchDataException("5.3.4 Message too big for this help desk");
                }
                String recipient = recipients.isEmpty() ? null : recipients.get(0);
                try {
                    intake.receive(Arrival.smtp(recipient, recipient == null ? null : addresses.teamFor(recipient).orElse(null)), raw);
                    return null;
                } catch (RuntimeException storeFailed) {
                    log.error("Could not store a message received by SMTP; the sender is told to retry", storeFailed);
                    throw new RejectException(451, "4.3.0 Temporary failure storing the message, please try again");
                }
            }

            @Override
            public void done() {
                // nothing held per message
            }
        };
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(settings.smtpReceiverBind());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("TESSERA_SMTP_RECEIVER_BIND is not an address: " + settings.smtpReceiverBind(), e);
        }
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
