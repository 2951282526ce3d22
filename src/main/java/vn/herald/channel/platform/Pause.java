package vn.herald.channel.platform;

import java.time.Duration;

/**
 * A wait inside one send (between the tries of an upload, between status polls while a platform processes a video);
 * tests replace it so that nothing sleeps.
 */
@FunctionalInterface
public interface Pause {

    /** Waits this long; false when the thread was interrupted (the service is stopping). */
    boolean pause(Duration duration);
}
