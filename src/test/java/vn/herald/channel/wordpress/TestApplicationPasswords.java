package vn.herald.channel.wordpress;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Optional;

/** An application password from the test's properties: a test cannot set the process environment. */
@Singleton
@Replaces(EnvironmentApplicationPasswords.class)
@Requires(property = "herald.test.wordpress-password")
class TestApplicationPasswords implements ApplicationPasswords {

    private final String password;

    TestApplicationPasswords(@Value("${herald.test.wordpress-password}") String password) {
        this.password = password;
    }

    @Override
    public Optional<String> fromVariable(String variableName) {
        return Optional.of(password);
    }
}
