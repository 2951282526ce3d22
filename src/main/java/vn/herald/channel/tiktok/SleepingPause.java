package vn.herald.channel.tiktok;

import jakarta.inject.Singleton;

import java.time.Duration;

/** Waits on the dispatcher's thread: a post is polled for at most the channel's statusPolls × statusPollInterval. */
@Singleton
class SleepingPause implements StatusPause {

    @Override
    public void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // the scheduler is stopping: the next attempt fetches the status again
            Thread.currentThread().interrupt();
        }
    }
}
