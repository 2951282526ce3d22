package vn.herald.publishing;

import vn.herald.channel.Priority;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Several Herald dispatchers on one database and one fake platform, started in this JVM, or (for the benchmark)
 * as separate processes ({@link #startProcesses}): for the cluster test and the dispatch benchmark. Publications
 * are scheduled before any dispatcher starts, so they fall due at once; {@link #spreadOver} spreads them over
 * several channels of the same fake platform.
 */
final class DispatchCluster implements AutoCloseable {

    /** Throughput and due-to-sent lag of one run. */
    record Figures(int publications, Duration elapsed, Duration lagP50, Duration lagP99, Duration lagMax) {
        double perSecond() {
            return publications / (elapsed.toMillis() / 1000.0);
        }

        @Override
        public String toString() {
            return String.format("%d publications in %d ms: %.0f per second, due-to-sent lag p50 %d ms, p99 %d ms, max %d ms",
                    publications, elapsed.toMillis(), perSecond(), lagP50.toMillis(), lagP99.toMillis(), lagMax.toMillis());
        }
    }

    final FakePlatform platform = new FakePlatform();
    private final Path channels;
    private final List<ApplicationContext> nodes = new ArrayList<>();
    private final Map<String, Object> settings = new HashMap<>();
    // the channels scheduleAll spreads its publications over, in turn
    private final List<String> spread = new ArrayList<>(List.of("fake"));
    private final List<Process> processes = new ArrayList<>();

    DispatchCluster(Map<String, String> database, int threadsPerNode) {
        try {
            channels = Files.createTempDirectory("herald-cluster-channels");
            Files.writeString(channels.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                    + platform.baseUrl() + "\nrateLimitPerMinute: 10000000\n");
            settings.putAll(database);
            settings.put("herald.data-dir", Files.createTempDirectory("herald-cluster-data").toString());
            settings.put("herald.channels-dir", channels.toString());
            settings.put("herald.test.fake-platform", "true");
            settings.put("herald.publishing.scheduler-enabled", "false");
            settings.put("herald.publishing.polling-interval", "100ms");
            settings.put("herald.publishing.heartbeat-interval", "1s");
            settings.put("herald.publishing.threads", String.valueOf(threadsPerNode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a live channel on another platform; call before {@link #start}. */
    DispatchCluster withChannel(String id, String baseUrl) {
        try {
            Files.writeString(channels.resolve(id + ".yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: " + baseUrl
                    + "\nrateLimitPerMinute: 10000000\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds channels on the same fake platform, up to {@code count} with the first one ("fake"), and spreads the
     * publications of {@link #scheduleAll} over them in turn; call before {@link #start}.
     */
    DispatchCluster spreadOver(int count) {
        for (int i = 1; i < count; i++) {
            withChannel("fake-" + i, platform.baseUrl());
            spread.add("fake-" + i);
        }
        return this;
    }

    /**
     * Starts {@code count} dispatchers as separate JVMs on the same database and platform ({@link DispatchNode}),
     * each waiting for {@link #startDispatchers}; the nodes of this JVM then only schedule and count. Call after
     * {@link #start}, whose first node has imported the library.
     */
    DispatchCluster startProcesses(int count) {
        try {
            Path file = Files.createTempFile("herald-dispatch-node", ".properties");
            java.util.Properties properties = new java.util.Properties();
            settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
            try (var out = Files.newBufferedWriter(file)) {
                properties.store(out, "dispatch benchmark node");
            }
            List<java.util.concurrent.CountDownLatch> ready = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), DispatchNode.class.getName(), file.toString(),
                        "process-" + i).redirectErrorStream(true).start();
                processes.add(process);
                java.util.concurrent.CountDownLatch up = new java.util.concurrent.CountDownLatch(1);
                ready.add(up);
                Thread reader = new Thread(() -> drain(process, up), "dispatch-node-" + i + "-output");
                reader.setDaemon(true);
                reader.start();
            }
            for (java.util.concurrent.CountDownLatch up : ready) {
                if (!up.await(3, java.util.concurrent.TimeUnit.MINUTES)) {
                    throw new IllegalStateException("a dispatch node did not start within 3 minutes");
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a node's output so it never blocks on a full pipe; its errors are shown, its ready line counted. */
    private static void drain(Process process, java.util.concurrent.CountDownLatch up) {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(DispatchNode.READY)) {
                    up.countDown();
                } else if (line.contains("ERROR") || line.contains("Exception")) {
                    System.err.println("node " + process.pid() + ": " + line);
                }
            }
        } catch (IOException e) {
            // the node ended: nothing more to read
        }
    }

    /** CPU time of the dispatcher processes so far. */
    Duration processesCpu() {
        return processes.stream().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Starts the nodes one after the other (the first one imports the library, the others find it unchanged). */
    DispatchCluster start(int count) {
        for (int i = 0; i < count; i++) {
            // each its own name, as instances on separate hosts have: one that starts frees its namesake's sends
            Map<String, Object> node = new HashMap<>(settings);
            node.put("herald.publishing.instance-name", "node-" + nodes.size());
            nodes.add(ApplicationContext.run(node, "test"));
        }
        return this;
    }

    ApplicationContext node(int index) {
        return nodes.get(index);
    }

    /** Schedules {@code count} publications due at {@code at} through the first node; answers their ids. */
    List<Long> schedule(int count, Instant at) {
        return schedule(count, at, "fake");
    }

    List<Long> schedule(int count, Instant at, String channel) {
        List<Long> pieceIds = approvedArticles();
        Publishing publishing = nodes.get(0).getBean(Publishing.class);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publishing.schedule(pieceIds.get(i % pieceIds.size()), List.of(channel), at, Priority.NORMAL, true, "bench").get(0).id());
        }
        return ids;
    }

    /**
     * Schedules one publication at each instant, on {@code threads} threads: a benchmark's set-up, which would
     * otherwise take longer than the run it prepares.
     */
    void scheduleAll(List<Instant> instants, int threads) {
        List<Long> pieceIds = approvedArticles();
        Publishing publishing = nodes.get(0).getBean(Publishing.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                long pieceId = pieceIds.get(i % pieceIds.size());
                Instant at = instants.get(i);
                String channel = spread.get(i % spread.size());
                done.add(pool.submit(() -> publishing.schedule(pieceId, List.of(channel), at, Priority.NORMAL, true, "bench")));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private List<Long> approvedArticles() {
        return nodes.get(0).getBean(Pieces.class)
                .list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null), Pageable.from(0, 10))
                .getContent().stream().map(p -> p.id()).toList();
    }

    /** Starts every node's dispatcher (only the processes' where there are some); answers when, to measure from. */
    Instant startDispatchers() {
        Instant started = Instant.now();
        if (processes.isEmpty()) {
            nodes.forEach(node -> node.getBean(PublicationQueue.class).start());
        }
        for (Process process : processes) {
            try {
                process.getOutputStream().write((DispatchNode.GO + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return started;
    }

    /** Closes a node while it dispatches: in-flight executions are abandoned, as in a crash of that instance. */
    void stopAbruptly(int index) {
        nodes.get(index).close();
    }

    long published() {
        return count("select count(*) from publication where status = 'PUBLISHED'");
    }

    long published(String channel) {
        return count("select count(*) from publication where status = 'PUBLISHED' and channel_id = '" + channel + "'");
    }

    /** Waits, within {@code limit}, until {@code expected} publications are published; answers whether they were. */
    boolean awaitPublished(long expected, Duration limit) {
        Instant give = Instant.now().plus(limit);
        while (Instant.now().isBefore(give)) {
            if (published() >= expected) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return published() >= expected;
    }

    /**
     * Lags from when each publication fell due (its planned instant, or {@code started} when the dispatchers
     * started later) to when it was recorded as published.
     */
    Figures figures(Instant started) {
        List<Long> lags = new ArrayList<>();
        Instant last = started;
        try (Connection connection = liveDataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select planned_at, updated_at from publication where status = 'PUBLISHED'")) {
            while (rows.next()) {
                Instant planned = rows.getTimestamp(1).toInstant();
                Instant sent = rows.getTimestamp(2).toInstant();
                lags.add(Duration.between(planned.isAfter(started) ? planned : started, sent).toMillis());
                if (sent.isAfter(last)) {
                    last = sent;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        lags.sort(null);
        return new Figures(lags.size(), Duration.between(started, last), Duration.ofMillis(percentile(lags, 50)),
                Duration.ofMillis(percentile(lags, 99)), Duration.ofMillis(lags.isEmpty() ? 0 : lags.get(lags.size() - 1)));
    }

    long count(String sql) {
        try (Connection connection = liveDataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DataSource liveDataSource() {
        return nodes.stream().filter(ApplicationContext::isRunning).findFirst().orElseThrow()
                .getBean(Database.class).plainDataSource();
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        nodes.stream().filter(ApplicationContext::isRunning).forEach(ApplicationContext::close);
        platform.close();
    }
}
