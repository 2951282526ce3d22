package vn.herald.channel.facebook;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;

import java.util.Optional;

/** A Page token from the test's properties: a test cannot set the process environment. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "herald.test.facebook-token")
class TestAccessTokens implements Secrets {

    private final String token;

    TestAccessTokens(@Value("${herald.test.facebook-token}") String token) {
        this.token = token;
    }

    @Override
    public Optional<String> get(String variable) {
        return Optional.of(token);
    }
}
