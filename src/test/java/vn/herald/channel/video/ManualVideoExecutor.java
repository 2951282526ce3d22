package vn.herald.channel.video;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The video executor of the tests: work waits until the test runs it, so "the answer came before the video" and
 * "then it is ready" are two steps the test takes, without sleeping.
 */
@Singleton
@Named(VideoMakingExecutor.NAME)
@Replaces(bean = ExecutorService.class, factory = VideoMakingExecutor.class, named = VideoMakingExecutor.NAME)
@Requires(property = "herald.test.manual-video-making", value = "true")
public class ManualVideoExecutor extends AbstractExecutorService {

    private final Queue<Runnable> waiting = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable command) {
        waiting.add(command);
    }

    public synchronized int waiting() {
        return waiting.size();
    }

    /** Runs what waits, and what that queues in turn; answers how many ran. */
    public int runAll() {
        int ran = 0;
        for (Runnable next; (next = poll()) != null; ran++) {
            next.run();
        }
        return ran;
    }

    private synchronized Runnable poll() {
        return waiting.poll();
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
