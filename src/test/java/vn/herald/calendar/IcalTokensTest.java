package vn.herald.calendar;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.herald.support.Folders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed tokens: unguessable, stored only hashed and sealed, readable again only with the same key. */
class IcalTokensTest {

    @TempDir Path data;

    private IcalTokens tokens(String key) {
        return new IcalTokens(new IcalConfig(Duration.ofDays(90), Duration.ofDays(365), Duration.ofMinutes(15), key),
                new Folders(data, data.resolve("content"), data.resolve("channels")));
    }

    private static String aKey(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aTokenCarries256RandomBitsInAUrlSafeForm() {
        IcalTokens tokens = tokens(aKey(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.newToken();
            assertTrue(IcalTokens.wellFormed(token), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(seen.add(token), "a token came twice: " + token);
        }
        assertFalse(IcalTokens.wellFormed("../../etc/passwd"));
    }

    @Test
    void aSealedTokenOpensOnlyWithTheSameKeyAndForTheSameFeed() {
        IcalTokens tokens = tokens(aKey(1));
        String token = tokens.newToken();
        String sealed = tokens.seal(token, "ical-feed:UNIT:xa-hoa-an");

        assertFalse(sealed.contains(token));
        assertEquals(Optional.of(token), tokens.open(sealed, "ical-feed:UNIT:xa-hoa-an"));
        assertEquals(Optional.empty(), tokens.open(sealed, "ical-feed:CHANNEL:facebook"), "copied to another feed's row");
        assertEquals(Optional.empty(), tokens(aKey(2)).open(sealed, "ical-feed:UNIT:xa-hoa-an"), "another instance's key");
    }

    @Test
    void withoutAKeySettingAKeyFileIsMadeOnceInTheDataFolderAndKept() throws Exception {
        IcalTokens first = tokens(null);
        String sealed = first.seal("token", "feed");
        Path file = data.resolve(IcalTokens.KEY_FILE);
        String key = Files.readString(file);

        IcalTokens afterRestart = tokens("");

        assertEquals(key, Files.readString(file));
        assertEquals(Optional.of("token"), afterRestart.open(sealed, "feed"));
        try (var left = Files.list(data)) {
            assertEquals(1, left.count(), "no half-written key file is left beside it");
        }
    }

    @Test
    void aKeyThatIsNot32BytesInBase64StopsTheStartWithTheFix() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> tokens("ngắn quá"));
        assertTrue(e.getMessage().contains("openssl rand -base64 32"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> tokens(Base64.getEncoder().encodeToString(new byte[16])));
    }

    @Test
    void theStoredHashIsTheTokensSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", IcalTokens.hash(""));
        assertTrue(IcalTokens.sameHash(IcalTokens.hash("a"), IcalTokens.hash("a")));
        assertFalse(IcalTokens.sameHash(IcalTokens.hash("a"), IcalTokens.hash("b")));
    }
}
