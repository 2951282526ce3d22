package vn.herald.channel.wordpress;

import jakarta.inject.Singleton;

import java.util.Optional;

/** The process environment, where operators put secrets. */
@Singleton
class EnvironmentApplicationPasswords implements ApplicationPasswords {

    @Override
    public Optional<String> fromVariable(String variableName) {
        // WordPress shows application passwords in groups separated by spaces and accepts them either way
        return Optional.ofNullable(System.getenv(variableName)).map(String::strip).filter(password -> !password.isEmpty());
    }
}
