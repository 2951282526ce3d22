package vn.herald.campaign;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;
import vn.herald.TestClock;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Herald instances on one PostgreSQL sweep at the same moment: one campaign instance, each piece once per channel. */
@ExtendWith(Postgres.class)
class CampaignRaceOnPostgresTest {

    @Test
    void twoInstancesSweepingAtOnceLaunchEachYearsCampaignExactlyOnce() throws Exception {
        Map<String, Object> properties = new HashMap<>(Postgres.freshDatabase());
        properties.putAll(Map.of("herald.test.clock", "true", "herald.publishing.scheduler-enabled", "false",
                "herald.upstream.enabled", "false"));
        // one after the other: the first runs the migrations and the import, the second finds them done
        try (ApplicationContext first = ApplicationContext.run(properties, "test");
             ApplicationContext second = ApplicationContext.run(properties, "test")) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int year = 2027; year <= 2029; year++) {
                    Instant morning = Instant.parse(year + "-05-12T01:00:00Z");
                    first.getBean(TestClock.class).set(morning);
                    second.getBean(TestClock.class).set(morning);
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<List<Campaign>>> sweeps = new ArrayList<>();
                    for (ApplicationContext instance : List.of(first, second)) {
                        CampaignLauncher launcher = instance.getBean(CampaignLauncher.class);
                        sweeps.add(threads.submit(() -> {
                            together.await(30, TimeUnit.SECONDS);
                            return launcher.sweep();
                        }));
                    }
                    int made = 0;
                    for (Future<List<Campaign>> sweep : sweeps) {
                        made += (int) sweep.get(120, TimeUnit.SECONDS).stream().filter(c -> c.code().equals("khcn-18-5")).count();
                    }
                    int y = year;
                    assertEquals(1, made, year + ": launched by both instances, or by neither");
                    for (ApplicationContext instance : List.of(first, second)) {
                        assertEquals(1, instance.getBean(Campaigns.class).list("xa-hoa-an", year).stream()
                                .filter(c -> c.code().equals("khcn-18-5") && c.year() == y).count());
                    }
                }
            } finally {
                threads.shutdownNow();
            }
            List<Publication> scheduled = first.getBean(Publishing.class)
                    .list(new Publishing.Filter(null, null, null, null, null), Pageable.from(0, 1000)).getContent();
            assertTrue(scheduled.size() > 20, "the campaigns scheduled nothing: " + scheduled.size());
            Map<String, Long> perPieceChannelAndYear = scheduled.stream().collect(Collectors.groupingBy(
                    p -> p.pieceId() + " " + p.channelId() + " " + p.plannedAt().toString().substring(0, 4),
                    Collectors.counting()));
            perPieceChannelAndYear.forEach((key, times) -> assertEquals(1L, times, "piece, channel and year " + key));
            assertEquals(scheduled.size(), scheduled.stream().map(Publication::id).distinct().count());
            // a yearly campaign runs last year's pieces again, except where the platform refuses identical posts
            Map<String, Long> perPieceAndChannel = scheduled.stream().collect(Collectors.groupingBy(
                    p -> p.pieceId() + " " + p.channelId(), Collectors.counting()));
            assertTrue(perPieceAndChannel.values().stream().anyMatch(times -> times > 1), "no piece ran again a year later");
            perPieceAndChannel.forEach((key, times) -> assertTrue(!key.endsWith(" facebook") || times == 1,
                    "Facebook refuses a second identical post: " + key + " " + times));
        }
    }
}
