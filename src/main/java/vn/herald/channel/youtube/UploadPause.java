package vn.herald.channel.youtube;

import java.time.Duration;

/** The wait between two tries inside one upload; tests replace it so that they never sleep. */
@FunctionalInterface
interface UploadPause {

    /** Waits this long; false when the thread was interrupted (the service is stopping). */
    boolean pause(Duration duration);
}
