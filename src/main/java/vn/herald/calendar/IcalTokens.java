package vn.herald.calendar;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import vn.herald.support.Folders;
import vn.herald.support.Sealing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Feed tokens (the iCalendar feeds' and the screens' kiosk addresses): 256 random bits, written URL-safe; stored only as their SHA-256 (to find the feed) and sealed with
 * AES-256-GCM (so an admin can see the URL again). The key is {@code HERALD_ICAL_KEY}, or else a key file made once
 * in the data folder: either way outside the database, so a dump of it reveals no feed.
 */
@Singleton
public class IcalTokens {

    static final String KEY_FILE = "ical.key";

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final Sealing sealing;

    IcalTokens(IcalConfig config, Folders folders) {
        this.sealing = new Sealing(config.key() == null || config.key().isBlank()
                ? keyFile(folders.dataDir().resolve(KEY_FILE))
                : decode(config.key(), "HERALD_ICAL_KEY"));
    }

    public String newToken() {
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether the text could be a token at all; anything else is not looked up. */
    public static boolean wellFormed(String token) {
        return TOKEN.matcher(token).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token sealed for one feed: the feed is the associated data, so a value copied to another row never opens. */
    public String seal(String token, String feed) {
        return sealing.seal(token, feed);
    }

    /** The token, or empty when it was sealed under another key (another instance's key file, a changed key). */
    public Optional<String> open(String sealed, String feed) {
        return sealing.open(sealed, feed);
    }

    private static byte[] decode(String encoded, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != Sealing.KEY_BYTES) {
            throw new ConfigurationException(where + " must hold exactly 32 bytes in base64 (make one with "
                    + "openssl rand -base64 32)");
        }
        return key;
    }

    /** Reads the key file, or makes it: written aside and moved in, so a second instance never reads half a key. */
    private byte[] keyFile(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Path aside = Files.createTempFile(file.getParent(), KEY_FILE, ".new");
                try {
                    if (Files.getFileStore(aside).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
                    }
                    Files.writeString(aside, Base64.getEncoder().encodeToString(fresh) + "\n");
                    Files.move(aside, file);
                } catch (FileAlreadyExistsException raced) {
                    // another instance made it first: read theirs
                } finally {
                    Files.deleteIfExists(aside);
                }
            }
            return decode(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the iCalendar key file " + file
                    + ": set HERALD_ICAL_KEY instead (openssl rand -base64 32)", e);
        }
    }
}
