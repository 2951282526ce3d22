package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items handed in while a batch is written go together into the next one; each thread gets its own answer. */
class GroupCommitTest {

    @Test
    void itemsHandedInWhileABatchIsWrittenAreWrittenTogetherInTheNext() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch othersHandedIn = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>("test-writer", 100, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                await(othersHandedIn);
            }
            return batch.stream().map(item -> GroupCommit.Answer.of(item * 10)).toList();
        });
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Future<Integer> first = threads.submit(() -> commit.submit(0));
            assertTrue(firstBatchStarted.await(10, TimeUnit.SECONDS));
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                others.add(threads.submit(() -> commit.submit(item)));
            }
            // the writer is held in the first batch: the five gather behind it
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (commit.waiting() < 5 && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            othersHandedIn.countDown();
            assertEquals(0, first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < others.size(); i++) {
                assertEquals((i + 1) * 10, others.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(2, batches.size(), "the five waiting were written in one batch: " + batches);
            assertEquals(5, batches.get(1).size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRefusedItemFailsAloneAndAFailedTransactionFailsItsWholeBatch() {
        GroupCommit<Integer, Integer> refusing = new GroupCommit<>("test-writer", 100, batch -> batch.stream()
                .map(item -> item < 0 ? GroupCommit.Answer.<Integer>refused(new IllegalArgumentException("negative"))
                        : GroupCommit.Answer.of(item)).toList());
        assertEquals(3, refusing.submit(3));
        assertThrows(IllegalArgumentException.class, () -> refusing.submit(-1));

        GroupCommit<Integer, Integer> failing = new GroupCommit<>("test-writer", 100, batch -> {
            throw new IllegalStateException("the database failed");
        });
        assertThrows(IllegalStateException.class, () -> failing.submit(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
