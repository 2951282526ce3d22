package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts failed logins per user name and per client address in the database, so all instances share the count:
 * after {@code maxFailures} (per address {@code maxFailuresPerAddress}) within {@code failureWindow} a key is refused
 * until its oldest counted failure leaves the window. A success forgets the user name's failures, not the address's:
 * one good account must not wash away guesses at others.
 */
@Singleton
class LoginThrottle {

    /** The state of one try's two keys, read once before the password is looked at. */
    record Check(String userKey, String addressKey, Optional<Duration> retryAfter, boolean userHasFailures) {}

    private final LoginFailureRepository repository;
    private final LoginConfig config;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository repository, LoginConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    Check check(@Nullable String username, @Nullable String address) {
        String userKey = key("user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)));
        String addressKey = key("address:" + (address == null ? "" : address));
        Instant now = clock.instant();
        List<LoginFailure> recent = repository.findByKeyHashInAndFailedAtGreaterThanOrderByFailedAtDesc(
                List.of(userKey, addressKey), now.minus(config.failureWindow()));
        Optional<Duration> wait = max(retryAfter(recent, userKey, config.maxFailures(), now),
                retryAfter(recent, addressKey, config.maxFailuresPerAddress(), now));
        boolean userHasFailures = recent.stream().anyMatch(failure -> failure.keyHash().equals(userKey));
        return new Check(userKey, addressKey, wait, userHasFailures);
    }

    void failed(Check check) {
        Instant now = clock.instant();
        repository.deleteOlderThan(now.minus(config.failureWindow()));
        repository.save(new LoginFailure(null, check.userKey(), now));
        repository.save(new LoginFailure(null, check.addressKey(), now));
    }

    void succeeded(Check check) {
        if (check.userHasFailures()) {
            repository.forget(check.userKey());
        }
    }

    private Optional<Duration> retryAfter(List<LoginFailure> newestFirst, String key, int maxFailures, Instant now) {
        List<LoginFailure> ofKey = newestFirst.stream().filter(failure -> failure.keyHash().equals(key)).toList();
        if (ofKey.size() < maxFailures) {
            return Optional.empty();
        }
        Instant free = ofKey.get(maxFailures - 1).failedAt().plus(config.failureWindow());
        Duration wait = Duration.between(now, free);
        // Retry-After counts whole seconds: round up, so a client that waits exactly that long is let in
        long seconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(other -> other.compareTo(a.get()) > 0).or(() -> a);
    }

    private static String key(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
