package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Page logins kept in the database, so that every instance of a cluster sees a session end at once: the cookie's
 * JWT names a session, and a request counts as logged in only while that session's row is live.
 */
@Singleton
public class Sessions {

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);
    // ended and expired rows stay this long, for whoever asks who was logged in from where
    private static final Duration KEPT = Duration.ofDays(30);

    /** Why a session ended; stored with the row. */
    public enum EndReason { LOGOUT, DISABLED, PASSWORD_CHANGED, ROLES_CHANGED, UNIT_CHANGED, ENDED_BY_ADMIN, ENDED_BY_USER }

    private final SessionRepository repository;
    private final LoginConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sessions(SessionRepository repository, LoginConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /** How long a page login lasts; the cookie and its token live exactly as long. */
    public Duration length() {
        return config.sessionLength();
    }

    /** Starts a session and answers its id, which only the signed cookie carries. */
    public String start(String username, @Nullable String clientAddress) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        repository.deleteExpiredBefore(now.minus(KEPT));
        repository.save(new Session(hash(id), username, clientAddress, now, now.plus(config.sessionLength()), null, null));
        LOG.info("Session started for user '{}' from {}", username, clientAddress);
        return id;
    }

    /** Whether the session exists, belongs to this user, has not ended and has not expired. */
    public boolean isLive(@Nullable String sessionId, @Nullable String username) {
        if (sessionId == null || username == null) {
            return false;
        }
        Instant now = clock.instant();
        return repository.findById(hash(sessionId))
                .filter(session -> session.username().equals(username) && session.liveAt(now))
                .isPresent();
    }

    public void end(String sessionId, EndReason reason) {
        if (repository.end(hash(sessionId), clock.instant(), reason.name()) > 0) {
            LOG.info("Session ended: {}", reason);
        }
    }

    /** Ends every live session of the user, on every instance; answers how many were live. */
    public int endAllOf(String username, EndReason reason) {
        int ended = repository.endAllOf(username, clock.instant(), reason.name());
        if (ended > 0) {
            LOG.info("Ended {} session(s) of user '{}': {}", ended, username, reason);
        }
        return ended;
    }

    private static String hash(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
