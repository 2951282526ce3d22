package vn.herald.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords that bcrypt verified a short while ago, so an API client sending HTTP Basic on every request pays
 * bcrypt's tens of milliseconds once per {@code herald.passwords.remember-for}, not per request (the same trade as
 * Elasticsearch's realm credential cache). Only successes are remembered, so guessing still costs bcrypt each time.
 * An entry is keyed by the stored hash, so a changed password is checked afresh at once; what is kept is an HMAC of
 * the password under a key made at start and never written anywhere, not the password.
 */
@Singleton
class RememberedPasswords {

    /** How long a verified password is trusted without bcrypt; zero turns remembering off. */
    @ConfigurationProperties("herald.passwords")
    record Config(@Bindable(defaultValue = "5m") @NotNull Duration rememberFor) {}

    private record Verified(byte[] digest, Instant until) {}

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration rememberFor;
    private final Clock clock;

    RememberedPasswords(Config config, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.rememberFor = config.rememberFor();
        this.clock = clock;
    }

    boolean remembers(String hash, String password) {
        Verified entry = verified.get(hash);
        return entry != null && clock.instant().isBefore(entry.until())
                && MessageDigest.isEqual(entry.digest(), digest(password));
    }

    void remember(String hash, String password) {
        if (rememberFor.isZero() || rememberFor.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        // stale entries (old hashes of changed passwords) go here, so the map stays about one entry per user
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        verified.put(hash, new Verified(digest(password), now.plus(rememberFor)));
    }

    private byte[] digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
