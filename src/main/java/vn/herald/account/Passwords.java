package vn.herald.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** bcrypt hashing (favre's library) and generation of first-start passwords. */
@Singleton
class Passwords {
    private static final int COST = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final RememberedPasswords remembered;

    Passwords(RememberedPasswords remembered) {
        this.remembered = remembered;
    }

    String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        if (remembered.remembers(hash, password)) {
            return true;
        }
        boolean verified = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
        if (verified) {
            remembered.remember(hash, password);
        }
        return verified;
    }

    String generate() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
