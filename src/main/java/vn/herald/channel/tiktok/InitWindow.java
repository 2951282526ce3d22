package vn.herald.channel.tiktok;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TikTok allows six {@code video/init} calls per minute for one user's access token, and answers a seventh with
 * rate_limit_exceeded. Herald keeps to it before asking: one sliding 60-second window per channel (a channel is one
 * TikTok account, whatever its current access token), on this instance.
 */
@Singleton
class InitWindow {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> starts = new HashMap<>();

    InitWindow(Clock clock) {
        this.clock = clock;
    }

    /** Takes a place for one init now; when the window is full, nothing is taken and the wait until a place frees is answered. */
    synchronized Optional<Duration> reserve(String channelId, int perMinute) {
        Instant now = clock.instant();
        Deque<Instant> window = starts.computeIfAbsent(channelId, id -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
            window.pollFirst();
        }
        if (window.size() >= perMinute) {
            return Optional.of(Duration.between(now, window.peekFirst().plus(WINDOW)));
        }
        window.addLast(now);
        return Optional.empty();
    }
}
