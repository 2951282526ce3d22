package vn.herald;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock every feature reads; tests replace it with a controlled one. */
@Factory
public class TimeSource {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
