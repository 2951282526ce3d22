package vn.herald.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Writes what many dispatch threads hand in at about the same time in one transaction, and lets each thread go on
 * only once the transaction holding its item has committed. One writer thread takes whatever has gathered while it
 * wrote the last batch, so under load a commit serves as many sends as there are threads in that step, and alone a
 * send waits for nobody. The writer answers every item of its batch (a value, or the refusal of that item alone);
 * a transaction that fails fails every item in it, and none of them goes further. The writer thread ends after a
 * second with nothing to write and starts again with the next item, so nothing needs stopping.
 */
final class GroupCommit<T, R> {

    private static final long IDLE_SECONDS = 1;

    /** What the writer answers for one item: its value, or the refusal of that item alone. */
    record Answer<R>(R value, RuntimeException refusal) {
        static <R> Answer<R> of(R value) {
            return new Answer<>(value, null);
        }

        static <R> Answer<R> refused(RuntimeException refusal) {
            return new Answer<>(null, refusal);
        }
    }

    private record Entry<T, R>(T item, CompletableFuture<R> answer) {}

    private final BlockingQueue<Entry<T, R>> waiting = new LinkedBlockingQueue<>();
    private final AtomicBoolean writerRunning = new AtomicBoolean();
    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<Answer<R>>> writer;

    /** {@code writer} writes one batch in one transaction and answers each item, in the order given. */
    GroupCommit(String name, int maxBatch, Function<List<T>, List<Answer<R>>> writer) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Hands the item in and waits until a committed batch holds it; throws what the writer refused it with. */
    R submit(T item) {
        Entry<T, R> entry = new Entry<>(item, new CompletableFuture<>());
        waiting.add(entry);
        if (writerRunning.compareAndSet(false, true)) {
            Thread thread = new Thread(this::write, name);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            return entry.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many items wait for the writer now. */
    int waiting() {
        return waiting.size();
    }

    private void write() {
        while (true) {
            Entry<T, R> first;
            try {
                first = waiting.poll(IDLE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                writerRunning.set(false);
                // an item handed in after the poll and before the flag fell finds no writer: take the role back
                if (waiting.isEmpty() || !writerRunning.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            List<Entry<T, R>> batch = new ArrayList<>();
            batch.add(first);
            waiting.drainTo(batch, maxBatch - 1);
            writeBatch(batch);
        }
    }

    private void writeBatch(List<Entry<T, R>> batch) {
        List<Answer<R>> answers;
        try {
            answers = writer.apply(batch.stream().map(Entry::item).toList());
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("writing a batch failed", e);
            batch.forEach(entry -> entry.answer.completeExceptionally(failure));
            return;
        }
        // answered only now, after the commit: no thread goes on with an item its batch did not make durable
        for (int i = 0; i < batch.size(); i++) {
            Answer<R> answer = answers.get(i);
            if (answer.refusal() != null) {
                batch.get(i).answer.completeExceptionally(answer.refusal());
            } else {
                batch.get(i).answer.complete(answer.value());
            }
        }
    }
}
