package vn.herald.channel.platform;

import jakarta.inject.Singleton;

import java.util.Optional;

/** The process environment, where operators put secrets. */
@Singleton
public class EnvironmentSecrets implements Secrets {

    @Override
    public Optional<String> get(String variable) {
        return Secrets.present(System.getenv(variable));
    }
}
