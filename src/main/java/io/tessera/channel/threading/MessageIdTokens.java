package io.tessera.channel.threading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.tessera.channel.MailProperties;
import io.tessera.system.InstallSecret;

/**
 * Message-IDs of the mail Tessera sends carry the ticket number, signed: {@code
 * <tessera.4521.8f3a1c2b9d.5e0c7a1f42b6d9e3@example.com>}. A reply's In-Reply-To or References then
 * names its ticket without a database lookup, and nobody can forge one to drop mail into a ticket they
 * do not know: the signature is an HMAC-SHA256 with the install secret over number and nonce (threading
 * rule 1, docs/email.md).
 */
@Component
public class MessageIdTokens {

    private static final Pattern TOKEN = Pattern.compile("^tessera\\.(\\d{1,18})\\.([0-9a-f]{10})\\.([0-9a-f]{16})@",
            Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String domain;

    MessageIdTokens(InstallSecret secret, MailProperties settings) {
        this.key = ("message-id:" + secret.value()).getBytes(StandardCharsets.UTF_8);
        String sender = settings.defaultSender();
        this.domain = sender.substring(sender.indexOf('@') + 1);
    }

    /** A new Message-ID (without angle brackets) naming this ticket. */
    public String create(long ticketNumber) {
        byte[] nonce = new byte[5];
        RANDOM.nextBytes(nonce);
        String payload = ticketNumber + "." + HexFormat.of().formatHex(nonce);
        return "tessera." + payload + "." + signature(payload) + "@" + domain;
    }

    /** The ticket number a Message-ID we made names, if it is one and its signature holds. */
    public Optional<Long> ticketNumber(String messageId) {
        Matcher matcher = TOKEN.matcher(messageId == null ? "" : messageId);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String payload = matcher.group(1) + "." + matcher.group(2).toLowerCase();
        boolean valid = MessageDigest.isEqual(signature(payload).getBytes(StandardCharsets.US_ASCII),
                matcher.group(3).toLowerCase().getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** Whether this Message-ID is one Tessera made (our own mail coming back). */
    public boolean isOurs(String messageId) {
        return ticketNumber(messageId).isPresent();
    }

    private String signature(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII))).substring(0, 16);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }
}
