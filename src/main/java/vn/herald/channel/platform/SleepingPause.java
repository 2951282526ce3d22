package vn.herald.channel.platform;

import jakarta.inject.Singleton;

import java.time.Duration;

/** The real wait: the dispatch thread sleeps, a few seconds at most, within the channel's in-flight slot. */
@Singleton
public class SleepingPause implements Pause {

    @Override
    public boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
