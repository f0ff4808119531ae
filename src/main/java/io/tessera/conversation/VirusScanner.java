package io.tessera.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Scans stored files with clamd when {@code tessera.attachments.clamd-address} is set, and says what that
 * means for the file: {@link ScanStatus#CLEAN}, {@link ScanStatus#QUARANTINED} with the signature, or — when
 * clamd cannot be reached or answers with an error — {@link ScanStatus#HELD}: a configured scanner fails
 * closed (docs/adr/0010-virus-scanning.md). Without an address every file is {@link ScanStatus#UNSCANNED}.
 *
 * <p>Detections and failures are logged at WARN with the file's name, size and hash, never its contents,
 * and counted in {@code tessera.attachments.scans} by {@code result}.
 */
@Component
class VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(VirusScanner.class);

    /** What a scan means for one file. */
    record Outcome(ScanStatus status, String signature) {
    }

    private final AttachmentSettings settings;
    private final ClamdClient clamd;
    private final Counter clean;
    private final Counter quarantined;
    private final Counter held;

    VirusScanner(AttachmentSettings settings, MeterRegistry meters) {
        this.settings = settings;
        // An address that is not host:port stops the start with a message naming the setting.
        try {
            this.clamd = settings.clamdAddress() == null ? null
                    : ClamdClient.of(settings.clamdAddress(), settings.clamdTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tessera.attachments.clamd-address (TESSERA_CLAMD_ADDRESS): " + e.getMessage(), e);
        }
        this.clean = counter(meters, "clean");
        this.quarantined = counter(meters, "quarantined");
        this.held = counter(meters, "held");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("tessera.attachments.scans").tag("result", result)
                .description("Attachments scanned by clamd, by result (held: clamd failed, the file is not served)")
                .register(meters);
    }

    boolean enabled() {
        return clamd != null;
    }

    /** Says at start whether the configured clamd answers, so a wrong address shows before the first upload. */
    @EventListener(ApplicationReadyEvent.class)
    void checkOnStart() {
        if (clamd == null) {
            return;
        }
        // A short wait: an address that swallows packets must not hold up the start for the whole timeout.
        Duration wait = settings.clamdTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? settings.clamdTimeout()
                : Duration.ofSeconds(3);
        if (ClamdClient.of(settings.clamdAddress(), wait).ping()) {
            log.info("Virus scanning is on: clamd at {} answers", clamd.address());
        } else {
            log.warn("Virus scanning is on, but clamd at {} does not answer PING: new attachments are held (not served) "
                    + "until a scan passes", clamd.address());
        }
    }

    /**
     * Scans a stored file. Never throws for a scanner problem: that is {@link ScanStatus#HELD}.
     *
     * @param content opens the stored bytes; closed here
     * @param what    names the file in the log: name, size, hash and ticket, never contents
     */
    Outcome scan(Supplier<InputStream> content, String what) {
        if (clamd == null) {
            return new Outcome(ScanStatus.UNSCANNED, null);
        }
        try (InputStream in = content.get()) {
            ClamdClient.Verdict verdict = clamd.scan(in);
            if (verdict instanceof ClamdClient.Infected infected) {
                quarantined.increment();
                log.warn("Virus scan: clamd found {} in {}; the file is quarantined and will not be served",
                        infected.signature(), what);
                return new Outcome(ScanStatus.QUARANTINED, infected.signature());
            }
            clean.increment();
            return new Outcome(ScanStatus.CLEAN, null);
        } catch (ClamdClient.ScanFailed e) {
            held.increment();
            log.warn("Virus scan failed for {}; the file is held (not served) until a scan passes: {}", what, e.getMessage());
            return new Outcome(ScanStatus.HELD, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + what + " to scan it", e);
        }
    }
}
