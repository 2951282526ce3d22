package vn.herald.publishing;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queue behind the publication table: one db-scheduler task per publication (instance id = publication id).
 * Tasks are written through the transaction-aware DataSource, so they commit or roll back with the publication;
 * the scheduler itself polls on the plain DataSource, and every instance runs one, with no leader. Features'
 * {@link RecurringJob}s run on the same scheduler as recurring tasks: one row each, so one instance at a time.
 */
@Context
class PublicationQueue {

    static final String TASK = "publish";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationQueue.class);

    private final CustomTask<Long> task;
    private final SchedulerClient client;
    private final Scheduler scheduler;
    private final PublishingConfig config;

    PublicationQueue(Database database, Provider<Dispatcher> dispatcher, PublishingConfig config, List<RecurringJob> jobs,
                     Clock clock) {
        this.config = config;
        this.task = Tasks.custom(TASK, Long.class)
                .onDeadExecutionRevive()
                // a dispatch that throws met the database or a bug, never a platform: try again soon
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)))
                .execute((instance, context) -> {
                    Optional<Instant> next = dispatcher.get().dispatch(instance.getData());
                    return next.<CompletionHandler<Long>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
        // detect the database on the plain DataSource: the transactional one has no connection outside a transaction
        JdbcCustomization jdbc = new AutodetectJdbcCustomization(database.plainDataSource());
        this.client = SchedulerClient.Builder.create(database.transactionalDataSource(), List.of(task))
                .jdbcCustomization(jdbc).build();
        List<RecurringTask<Void>> recurring = jobs.stream().map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                .execute((instance, context) -> job.run())).toList();
        var builder = Scheduler.create(database.plainDataSource(), List.of(task))
                .startTasks(recurring)
                .jdbcCustomization(jdbc)
                // the service's clock, so a shifted demo clock (HERALD_CLOCK_START) also moves what is due
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(ManagementFactory.getRuntimeMXBean().getName()))
                .threads(config.threads())
                .pollingInterval(config.pollingInterval())
                .heartbeatInterval(config.heartbeatInterval())
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (database.isPostgres()) {
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder.build();
    }

    /** Puts the publication's task at {@code at}, replacing an earlier time; joins the caller's transaction. */
    void enqueue(long publicationId, Instant at) {
        client.schedule(task.instance(String.valueOf(publicationId), publicationId), at,
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /** Starts dispatching on this instance unless the settings keep it off. */
    void startIfEnabled() {
        if (config.schedulerEnabled()) {
            start();
        }
    }

    void start() {
        scheduler.start();
        LOG.info("Dispatcher started: {} threads, polling every {}", config.threads(), config.pollingInterval());
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
