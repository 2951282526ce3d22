package vn.herald.publishing;

import java.time.Duration;

/**
 * Work a feature wants done every so often, by one instance at a time. Each one becomes a recurring task of the
 * publication queue's db-scheduler, which keeps a single row per job, so several instances never run it together.
 */
public interface RecurringJob {

    /** The task name in the scheduler's table; keep it stable. */
    String name();

    /** Time from the end of one run to the start of the next. */
    Duration interval();

    void run();
}
