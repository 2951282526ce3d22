package vn.herald.channel.youtube;

import jakarta.inject.Singleton;

import java.time.Duration;

/** The real wait: the dispatch thread sleeps, at most a few seconds per try, within the channel's in-flight slot. */
@Singleton
class SleepingUploadPause implements UploadPause {

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
