package vn.herald.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes what many dispatch threads hand in at about the same time in one transaction, and lets each thread go on
 * only once the transaction holding its item has committed. While one batch is being written the next one gathers,
 * so under load a commit serves as many sends as there are threads in that step, and alone a send waits for nobody.
 * The writer answers every item of its batch (a value, or the refusal of that item alone); a transaction that fails
 * fails every item in it, and none of them goes further.
 */
final class GroupCommit<T, R> {

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

    private final Queue<Entry<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final int maxBatch;
    private final Function<List<T>, List<Answer<R>>> writer;

    /** {@code writer} writes one batch in one transaction and answers each item, in the order given. */
    GroupCommit(int maxBatch, Function<List<T>, List<Answer<R>>> writer) {
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Hands the item in and waits until a committed batch holds it; throws what the writer refused it with. */
    R submit(T item) {
        Entry<T, R> entry = new Entry<>(item, new CompletableFuture<>());
        waiting.add(entry);
        while (!entry.answer.isDone()) {
            writing.lock();
            try {
                if (!entry.answer.isDone()) {
                    writeNext();
                }
            } finally {
                writing.unlock();
            }
        }
        try {
            return entry.answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void writeNext() {
        List<Entry<T, R>> batch = new ArrayList<>();
        for (Entry<T, R> next = waiting.poll(); next != null; next = batch.size() < maxBatch - 1 ? waiting.poll() : null) {
            batch.add(next);
        }
        List<Answer<R>> answers;
        try {
            answers = writer.apply(batch.stream().map(Entry::item).toList());
        } catch (RuntimeException e) {
            batch.forEach(entry -> entry.answer.completeExceptionally(e));
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
