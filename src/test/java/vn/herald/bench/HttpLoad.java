package vn.herald.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load generator: {@code clients} threads, each sending its next request as soon as the answer
 * to the last one has arrived, for {@code duration}. Answers requests per second, latency percentiles and the count
 * of each status.
 */
public final class HttpLoad {

    public record Result(long requests, Duration elapsed, long p50Micros, long p99Micros, long bytes,
                         java.util.Map<Integer, Long> statuses) {
        public double perSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d requests in %.1f s: %.0f per second, p50 %.2f ms, p99 %.2f ms, %.0f KiB per request, statuses %s",
                    requests, elapsed.toNanos() / 1e9, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0,
                    requests == 0 ? 0.0 : bytes / 1024.0 / requests, statuses);
        }
    }

    private HttpLoad() {}

    public static Result run(int clients, Duration duration, Supplier<HttpRequest> requests) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<List<Long>> latencies = new ArrayList<>();
        java.util.Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int i = 0; i < clients; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray());
                        mine.add((System.nanoTime() - sent) / 1000);
                        bytes.addAndGet(response.body().length);
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                    } catch (IOException e) {
                        statuses.merge(-1, 1L, Long::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        all.sort(null);
        return new Result(all.size(), elapsed, Summary.percentile(all, 50), Summary.percentile(all, 99), bytes.get(),
                new java.util.TreeMap<>(statuses));
    }

    public static HttpRequest get(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder.build();
    }
}
