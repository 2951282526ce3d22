package vn.herald.calendar;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.publishing.RecurringJob;

import java.time.Duration;

/** The daily sweep: fills the at-risk weeks of rules with {@code autofill: true}, on one instance at a time. */
@Singleton
class CalendarSweep implements RecurringJob {

    // a provider: the publication queue takes every job when it is made, and the filler schedules through that queue
    private final Provider<GapFiller> filler;
    private final CalendarConfig config;

    CalendarSweep(Provider<GapFiller> filler, CalendarConfig config) {
        this.filler = filler;
        this.config = config;
    }

    @Override
    public String name() {
        return GapFiller.SWEEP;
    }

    @Override
    public Duration interval() {
        return config.sweepInterval();
    }

    @Override
    public void run() {
        filler.get().sweep();
    }
}
