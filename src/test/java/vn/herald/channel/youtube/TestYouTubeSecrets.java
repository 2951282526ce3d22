package vn.herald.channel.youtube;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;

import java.util.Map;
import java.util.Optional;

/** The environment as an operator sets it for a YouTube channel: a test cannot set the process environment. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "herald.test.youtube-secrets", value = "true")
class TestYouTubeSecrets implements Secrets {

    private final Map<String, String> values = Map.of(
            "HERALD_YOUTUBE_CLIENT_ID", FakeYouTube.CLIENT_ID,
            "HERALD_YOUTUBE_CLIENT_SECRET", FakeYouTube.CLIENT_SECRET,
            "HERALD_YOUTUBE_REFRESH_TOKEN", FakeYouTube.REFRESH_TOKEN);

    @Override
    public Optional<String> get(String variable) {
        return Optional.ofNullable(values.get(variable));
    }
}
