package vn.herald.channel.youtube;

import io.micronaut.context.annotation.Replaces;
import vn.herald.channel.platform.Pause;
import vn.herald.channel.platform.SleepingPause;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pauses of an upload, recorded instead of slept. Armed, the next pause is where the process dies: the
 * {@link Crash} (an Error, which nothing in the dispatcher catches) leaves the attempt as a killed process leaves it.
 */
@Singleton
@Replaces(SleepingPause.class)
@Requires(property = "herald.test.youtube-secrets", value = "true")
class RecordingUploadPause implements Pause {

    static final class Crash extends Error {
        Crash() {
            super("the process died here", null, false, false);
        }
    }

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private volatile boolean crashNext;

    @Override
    public boolean pause(Duration duration) {
        if (crashNext) {
            crashNext = false;
            throw new Crash();
        }
        pauses.add(duration);
        return true;
    }

    void crashAtNextPause() {
        crashNext = true;
    }

    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    void clear() {
        pauses.clear();
        crashNext = false;
    }
}
