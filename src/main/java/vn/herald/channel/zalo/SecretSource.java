package vn.herald.channel.zalo;

import jakarta.inject.Singleton;

import java.util.Optional;

/** Where secrets come from: the environment variables a channel file names. Never logged, never returned by the API. */
@Singleton
class SecretSource {

    Optional<String> get(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
