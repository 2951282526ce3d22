package vn.herald.channel.wordpress;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.herald.channel.platform.EnvironmentSecrets;
import vn.herald.channel.platform.Secrets;

import java.util.Optional;

/** An application password from the test's properties: a test cannot set the process environment. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "herald.test.wordpress-password")
class TestApplicationPasswords implements Secrets {

    private final String password;

    TestApplicationPasswords(@Value("${herald.test.wordpress-password}") String password) {
        this.password = password;
    }

    @Override
    public Optional<String> get(String variable) {
        return Optional.of(password);
    }
}
