package vn.herald.channel.facebook;

import jakarta.inject.Singleton;

import java.util.Optional;

/** The process environment, where operators put secrets. */
@Singleton
class EnvironmentAccessTokens implements AccessTokens {

    @Override
    public Optional<String> fromVariable(String variableName) {
        return Optional.ofNullable(System.getenv(variableName)).map(String::strip).filter(token -> !token.isEmpty());
    }
}
