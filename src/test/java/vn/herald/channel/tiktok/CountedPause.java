package vn.herald.channel.tiktok;

import io.micronaut.context.annotation.Replaces;
import vn.herald.channel.platform.Pause;
import vn.herald.channel.platform.SleepingPause;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pauses between status polls, counted instead of slept. */
@Singleton
@Replaces(SleepingPause.class)
@Requires(property = "herald.test.tiktok-secrets", value = "true")
class CountedPause implements Pause {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public boolean pause(Duration duration) {
        pauses.add(duration);
        return true;
    }

    List<Duration> pauses() {
        return pauses;
    }

    void clear() {
        pauses.clear();
    }
}
