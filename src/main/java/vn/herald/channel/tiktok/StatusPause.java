package vn.herald.channel.tiktok;

import java.time.Duration;

/** The wait between two status/fetch calls while TikTok processes a video; tests replace it so that nothing sleeps. */
interface StatusPause {

    void pause(Duration duration);
}
