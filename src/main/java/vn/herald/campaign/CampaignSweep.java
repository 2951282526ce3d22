package vn.herald.campaign;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.publishing.RecurringJob;

import java.time.Duration;

/**
 * Launches the national-day campaigns whose window has opened and fills their empty slots. Every instance registers
 * it; the scheduler keeps one row for it, so one instance runs it at a time, and its first run comes at start.
 */
@Singleton
@Requires(property = "herald.campaign.sweep-enabled", notEquals = "false")
class CampaignSweep implements RecurringJob {

    // a provider: the launcher schedules through publishing, whose queue runs this job, so a direct reference is a cycle
    private final Provider<CampaignLauncher> launcher;
    private final CampaignConfig config;

    CampaignSweep(Provider<CampaignLauncher> launcher, CampaignConfig config) {
        this.launcher = launcher;
        this.config = config;
    }

    @Override
    public String name() {
        return "campaign-sweep";
    }

    @Override
    public Duration interval() {
        return config.sweepInterval();
    }

    @Override
    public void run() {
        launcher.get().sweep();
    }
}
