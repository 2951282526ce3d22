package vn.herald.publishing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter between half and all of the step, capped; the platform's own wait wins
 * when it is longer.
 */
record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    /** How long to wait after failed attempt number {@code attempt} (1 = the first). */
    Duration after(int attempt, Optional<Duration> platformHint) {
        long baseMillis = Math.max(1, base.toMillis());
        long step = Math.min(cap.toMillis(), baseMillis << Math.min(attempt - 1, 30));
        long jittered = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        Duration wait = Duration.ofMillis(Math.max(1, jittered));
        return platformHint.filter(hint -> hint.compareTo(wait) > 0).orElse(wait);
    }
}
