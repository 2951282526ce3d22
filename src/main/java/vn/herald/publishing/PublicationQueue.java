package vn.herald.publishing;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private final String instanceName;
    private final OwnExecutions own;
    private final Clock clock;
    private final boolean postgres;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "herald-own-recovery");
        thread.setDaemon(true);
        return thread;
    });

    PublicationQueue(Database database, Provider<Dispatcher> dispatcher, PublishingConfig config, List<RecurringJob> jobs,
                     Clock clock) {
        this.config = config;
        this.clock = clock;
        this.postgres = database.isPostgres();
        // db-scheduler records who picked each entry by this name: stable across restarts, so a restarted instance
        // recognises its own interrupted sends (the JVM's pid@host, used before, changed with every start)
        this.instanceName = config.instanceName() == null || config.instanceName().isBlank()
                ? new SchedulerName.Hostname().getName() : config.instanceName().strip();
        this.own = new OwnExecutions(database.plainDataSource(), instanceName);
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
        JdbcCustomization jdbc = database.isPostgres() ? new AutodetectJdbcCustomization(database.plainDataSource())
                : new H2DuePolling();
        this.client = SchedulerClient.Builder.create(database.transactionalDataSource(), List.of(task))
                .jdbcCustomization(jdbc).build();
        List<RecurringTask<Void>> recurring = jobs.stream().map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                .execute((instance, context) -> job.run())).toList();
        var builder = Scheduler.create(database.plainDataSource(), List.of(task))
                .startTasks(recurring)
                .jdbcCustomization(jdbc)
                // the service's clock, so a shifted demo clock (HERALD_CLOCK_START) also moves what is due
                .clock(clock::instant)
                .schedulerName(new SchedulerName.Fixed(instanceName))
                .threads(config.threads())
                .pollingInterval(config.pollingInterval())
                .heartbeatInterval(config.heartbeatInterval())
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (database.isPostgres()) {
            // a poll claims up to one entry per thread in one statement, and polls again once half are done
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder.build();
    }

    /** Puts the publication's task at {@code at}, replacing an earlier time; joins the caller's transaction. */
    void enqueue(long publicationId, Instant at) {
        client.schedule(task.instance(String.valueOf(publicationId), publicationId), at,
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /**
     * Puts the tasks of publications just made, each at its planned time, in one JDBC batch; joins the caller's
     * transaction. Only for new publications: a task already there would break the batch.
     */
    void enqueueAll(List<Publication> made) {
        client.scheduleBatch(made.stream().<SchedulableInstance<?>>map(publication ->
                SchedulableInstance.of(task.instance(String.valueOf(publication.id()), publication.id()),
                        publication.plannedAt())).toList());
    }

    /** Starts dispatching on this instance unless the settings keep it off. */
    void startIfEnabled() {
        if (config.schedulerEnabled()) {
            start();
        }
    }

    void start() {
        Instant started = clock.instant();
        if (postgres) {
            // what this name had picked and stopped beating two heartbeats ago cannot be a live instance's: free it
            // now; the rest once a live namesake would have beaten again, so a misconfigured twin keeps its sends
            Duration heartbeat = config.heartbeatInterval();
            releaseOwn(started.minus(heartbeat.multipliedBy(2)));
            later.schedule(() -> releaseOwn(started), heartbeat.toMillis() * 3 / 2, TimeUnit.MILLISECONDS);
        } else {
            // the embedded H2 file is held by one process at a time: what this name had picked died with the last one
            releaseOwn(started);
        }
        scheduler.start();
        LOG.info("Dispatcher {} started: {} threads, polling every {}", instanceName, config.threads(), config.pollingInterval());
    }

    private void releaseOwn(Instant silentSince) {
        try {
            int freed = own.release(silentSince, clock.instant());
            if (freed > 0) {
                LOG.info("Dispatcher {}: {} sends interrupted when this instance last stopped are due again", instanceName, freed);
            }
        } catch (RuntimeException e) {
            // the dead-execution time still brings them back, only later
            LOG.warn("Dispatcher {}: could not free its interrupted sends: {}", instanceName, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        later.shutdownNow();
        scheduler.stop();
    }
}
