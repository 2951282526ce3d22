package vn.herald.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** bcrypt hashing (favre's library) and generation of first-start passwords. */
@Singleton
class Passwords {
    private static final int COST = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    // bcrypt reads at most 71 bytes (72 with its terminator); a longer password (a Vietnamese passphrase of about 30
    // letters) is SHA-512'd first. Shorter ones hash exactly as before, so every stored hash stays valid.
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final SecureRandom random = new SecureRandom();
    private final RememberedPasswords remembered;
    // what a login of an unknown or disabled user is checked against, so it costs what a wrong password costs
    private final String nobodysHash;

    Passwords(RememberedPasswords remembered) {
        this.remembered = remembered;
        this.nobodysHash = hash(generate());
    }

    String hash(String password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(COST, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        if (remembered.remembers(hash, password)) {
            return true;
        }
        boolean verified = bcrypt(password, hash);
        if (verified) {
            remembered.remember(hash, password);
        }
        return verified;
    }

    /** Spends the time of a bcrypt check for a user who cannot log in; always false. */
    boolean matchesNobody(String password) {
        bcrypt(password, nobodysHash);
        return false;
    }

    /** The one place bcrypt verifies; whatever it cannot take is a mismatch, never an error. */
    boolean bcrypt(String password, String hash) {
        try {
            return BCrypt.verifyer(VERSION, LONG_PASSWORDS)
                    .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
