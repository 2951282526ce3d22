package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a new password must be: 12 to 64 characters, not one character repeated, not on the list of common ones. */
@Singleton
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    private static final String COMMON = "account/common-passwords.txt";

    /** Why a password is refused. */
    enum Problem { LENGTH, ONE_CHARACTER, COMMON }

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    Optional<Problem> check(@Nullable String password) {
        if (password == null) {
            return Optional.of(Problem.LENGTH);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(Problem.LENGTH);
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of(Problem.ONE_CHARACTER);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.COMMON);
        }
        return Optional.empty();
    }

    /** The problem as an error of the password field. */
    static Refusal.FieldError error(Problem problem) {
        return switch (problem) {
            case LENGTH -> new Refusal.FieldError("password", RefusalCode.PASSWORD_LENGTH, MIN_LENGTH, MAX_LENGTH);
            case ONE_CHARACTER -> new Refusal.FieldError("password", RefusalCode.PASSWORD_ONE_CHARACTER);
            case COMMON -> new Refusal.FieldError("password", RefusalCode.PASSWORD_COMMON);
        };
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException(COMMON + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON, e);
        }
        return Set.copyOf(words);
    }
}
