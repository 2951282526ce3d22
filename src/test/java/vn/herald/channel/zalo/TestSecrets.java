package vn.herald.channel.zalo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The environment as a test sets it: secrets for the Zalo channel without touching the real environment. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "herald.test.zalo-secrets", value = "true")
public class TestSecrets implements Secrets {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // 32 bytes 0..31

    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** App id, app secret, the first refresh token and the token key, as an operator would set them. */
    public void liveChannel() {
        values.clear();
        values.putAll(Map.of("HERALD_ZALO_APP_ID", "app-42", "HERALD_ZALO_APP_SECRET", "app-secret",
                "HERALD_ZALO_REFRESH_TOKEN", FakeZalo.FIRST_REFRESH_TOKEN, "HERALD_ZALO_TOKEN_KEY", KEY));
    }

    public void set(String variable, String value) {
        values.put(variable, value);
    }

    void clear() {
        values.clear();
    }

    @Override
    public Optional<String> get(String variable) {
        return Optional.ofNullable(values.get(variable));
    }
}
