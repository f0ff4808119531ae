package io.tessera.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.IdentityEvents.ApiTokenCreated;
import io.tessera.identity.IdentityEvents.ApiTokenRevoked;
import io.tessera.identity.internal.AgentRepository;
import io.tessera.identity.internal.ApiTokenRepository;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;

/**
 * Personal API tokens. A token is 256 random bits; only its SHA-256 is stored, and a request finds it by
 * that hash through a unique index. A slow password hash is unnecessary for a random secret of this size
 * and would cost every API call (see docs/security.md).
 */
@Service
@Transactional
public class ApiTokens {

    /** Marks Tessera tokens so secret scanners and people can recognise them. */
    public static final String TOKEN_PREFIX = "tsr_";

    // Writing last-used on every call would turn each API read into a write; once a minute is precise enough.
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AgentRepository agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AgentRepository agents, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    public IssuedToken create(AgentId owner, String name, Initiator by) {
        if (name == null || name.isBlank()) {
            throw new InvalidChange("name", "Give the token a name, e.g. the tool that will use it.");
        }
        if (name.trim().length() > 100) {
            throw new InvalidChange("name", "Use at most 100 characters.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String prefix = secret.substring(0, TOKEN_PREFIX.length() + 6);
        long id = tokens.insert(owner, name.trim(), sha256(secret), prefix, clock.instant());
        events.publishEvent(new ApiTokenCreated(owner, id, name.trim(), by));
        return new IssuedToken(tokens.find(owner, id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(AgentId owner) {
        return tokens.findByAgent(owner);
    }

    /** Revokes one of the owner's tokens; a token of somebody else is "not found". */
    public void revoke(AgentId owner, long tokenId, Initiator by) {
        ApiToken token = tokens.find(owner, tokenId).orElseThrow(() -> new NotFound("No such token"));
        if (token.active()) {
            tokens.revoke(tokenId, clock.instant());
            events.publishEvent(new ApiTokenRevoked(owner, tokenId, token.name(), by));
        }
    }

    /** Revokes every active token of the agent (a password reset or "sign out everywhere"); returns how many. */
    public int revokeAll(AgentId owner, Initiator by) {
        int revoked = 0;
        for (ApiToken token : tokens.findByAgent(owner)) {
            if (token.active()) {
                tokens.revoke(token.id(), clock.instant());
                events.publishEvent(new ApiTokenRevoked(owner, token.id(), token.name(), by));
                revoked++;
            }
        }
        return revoked;
    }

    /** The active agent a presented secret belongs to, if it is a valid, unrevoked token. */
    public Optional<SignedInAgent> authenticate(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findActiveByHash(sha256(secret)).flatMap(match -> {
            Optional<SignedInAgent> agent = agents.findPrincipalById(match.agentId()).filter(SignedInAgent::isEnabled);
            if (agent.isPresent() && (match.lastUsedAt() == null
                    || match.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now))) {
                tokens.markUsed(match.tokenId(), now);
            }
            return agent;
        });
    }

    private static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
