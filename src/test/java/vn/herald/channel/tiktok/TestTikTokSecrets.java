package vn.herald.channel.tiktok;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The environment as a TikTok test sets it, without touching the real one. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "herald.test.tiktok-secrets", value = "true")
class TestTikTokSecrets implements Secrets {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // 32 bytes 0..31

    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** Client key and secret, the first refresh token and the sealing key, as an operator would set them. */
    void liveChannel() {
        values.clear();
        values.putAll(Map.of("HERALD_TIKTOK_CLIENT_KEY", FakeTikTok.CLIENT_KEY,
                "HERALD_TIKTOK_CLIENT_SECRET", FakeTikTok.CLIENT_SECRET,
                "HERALD_TIKTOK_REFRESH_TOKEN", FakeTikTok.FIRST_REFRESH_TOKEN, "HERALD_TIKTOK_TOKEN_KEY", KEY));
    }

    void set(String variable, String value) {
        values.put(variable, value);
    }

    @Override
    public Optional<String> get(String variable) {
        return Optional.ofNullable(values.get(variable));
    }
}
