package io.tessera.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.IdentityEvents.SignInsThrottledForAccount;
import io.tessera.identity.IdentityEvents.SignInsThrottledFromAddress;
import io.tessera.identity.internal.AgentRepository;
import io.tessera.identity.internal.SignInFailureRepository;
import io.tessera.identity.internal.SignInFailureRepository.Counts;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;

/**
 * Sign-in throttling: failed passwords are recorded per email and client address, and an attempt that
 * comes too soon after them is refused before the password is checked ({@link SignInDelay} says how
 * soon). Nothing here depends on whether the email belongs to an agent, so the answers do not either.
 * There is no lock: the agent's own addresses keep working while strangers fail (ADR 0011).
 */
@Component
public class SignInAttempts {

    /** Failures older than this no longer count. */
    static final Duration COUNTED_FOR = Duration.ofDays(1);
    /** An address the agent signed in from with the right password stays "known" this long. */
    static final Duration ADDRESS_KNOWN_FOR = Duration.ofDays(90);
    // Anything an attacker types is stored; longer values are cut to the column size.
    private static final int MAX_EMAIL = 320;
    private static final int MAX_ADDRESS = 64;

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final SignInFailureRepository failures;
    private final AgentRepository agents;
    private final SecuritySettings settings;
    private final SignInDelay delay;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInAttempts(SignInFailureRepository failures, AgentRepository agents, SecuritySettings settings,
                   ApplicationEventPublisher events, Clock clock) {
        this.failures = failures;
        this.agents = agents;
        this.settings = settings;
        this.delay = new SignInDelay(settings);
        this.events = events;
        this.clock = clock;
    }

    /** Refuses the attempt if it comes too soon after failures for this email or from this address. */
    @Transactional(readOnly = true)
    public void checkAllowed(String email, String address) {
        String who = key(email, MAX_EMAIL);
        String from = key(address, MAX_ADDRESS);
        Instant now = clock.instant();
        Counts counts = failures.count(who, from, now.minus(COUNTED_FOR));
        boolean overWideLimit = counts.forEmail() >= settings.maxFailedLoginsPerAccount()
                || counts.fromAddress() >= settings.maxFailedLoginsPerAddress();
        boolean known = overWideLimit && failures.isKnownAddress(who, from, now.minus(ADDRESS_KNOWN_FOR));
        Duration wait = delay.before(counts, known, now);
        if (!wait.isZero()) {
            throw new TooManySignInAttempts(wait);
        }
    }

    @Transactional
    public void failed(String email, String address) {
        String who = key(email, MAX_EMAIL);
        String from = key(address, MAX_ADDRESS);
        // The databases keep microseconds; a stored time rounded up past "now" would read as a future failure.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        failures.deleteOlderThan(now.minus(COUNTED_FOR));
        failures.insert(who, from, now);
        Counts counts = failures.count(who, from, now.minus(COUNTED_FOR));
        // Alert once, when a count reaches its limit, not on every failure after it.
        if (counts.fromAddress() == settings.maxFailedLoginsPerAddress()) {
            log.warn("Sign-in throttled: {} failed sign-ins in the last day from client address {}; further attempts from it wait",
                    counts.fromAddress(), from);
            events.publishEvent(new SignInsThrottledFromAddress(from, counts.fromAddress(), Initiator.system()));
        }
        if (counts.forEmail() == settings.maxFailedLoginsPerAccount()) {
            Optional<AgentId> agent = agents.findByEmail(who).map(Agent::id);
            // Logs name the agent by id: emails are personal data and do not belong in logs.
            log.warn("Sign-in throttled: {} failed sign-ins in the last day for agent {}; addresses it has not signed in from wait",
                    counts.forEmail(), agent.map(id -> id.toString()).orElse("(no such agent)"));
            events.publishEvent(new SignInsThrottledForAccount(agent.orElse(null), who, counts.forEmail(),
                    Initiator.system()));
        }
    }

    @Transactional
    public void succeeded(String email, String address) {
        String who = key(email, MAX_EMAIL);
        String from = key(address, MAX_ADDRESS);
        Instant now = clock.instant();
        failures.deleteForPair(who, from);
        failures.rememberAddress(who, from, now);
        agents.recordSuccessfulLogin(who, now);
    }

    /** Failed sign-ins for this email in the last day, for the admin's agent page. */
    @Transactional(readOnly = true)
    public int recentFailures(String email) {
        return failures.countForEmail(key(email, MAX_EMAIL), clock.instant().minus(COUNTED_FOR));
    }

    /** Forgets the failed sign-ins for this email (an admin's "clear"): its waits end at once. */
    @Transactional
    public int clear(String email) {
        return failures.deleteForEmail(key(email, MAX_EMAIL));
    }

    private static String key(String value, int maxLength) {
        String normalized = value == null ? "" : AgentManagement.normalizeEmail(value);
        return normalized.length() > maxLength ? normalized.substring(0, maxLength) : normalized;
    }
}
