package vn.herald.publishing;

import vn.herald.channel.Priority;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel's {@code rateLimitPerMinute} holds for every 60-second window: a burst on one channel, dispatched by
 * hand on a driven clock, by one instance, by one that restarts halfway, and (where the database allows several) by
 * two instances at once. Every send's start is read from its recorded attempt.
 */
abstract class RateLimitContract {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");
    static final int LIMIT = 30;
    static final int BURST = 100;

    private final FakePlatform platform = new FakePlatform();
    private final List<ApplicationContext> running = new ArrayList<>();

    /** The database every context of one test shares. */
    abstract Map<String, String> database() throws IOException;

    @AfterEach
    void close() {
        running.forEach(ApplicationContext::close);
        platform.close();
    }

    @Test
    void aBurstOnOneChannelNeverExceedsItsLimitInAnySixtySeconds() throws IOException {
        Map<String, String> settings = settings();
        ApplicationContext node = start(settings);
        List<Long> ids = scheduleBurst(node);

        drive(ids, List.of(node), MORNING.plus(Duration.ofMinutes(10)));

        assertEveryWindowHolds(node, ids);
    }

    @Test
    void aRestartDoesNotRefillTheLimit() throws IOException {
        Map<String, String> settings = settings();
        ApplicationContext first = start(settings);
        List<Long> ids = scheduleBurst(first);
        Map<Long, Instant> left = drive(ids, List.of(first), MORNING.plusSeconds(45));
        first.close();
        running.remove(first);

        ApplicationContext second = start(settings);
        drive(left, List.of(second), MORNING.plus(Duration.ofMinutes(10)));

        assertEveryWindowHolds(second, ids);
    }

    Map<String, String> settings() throws IOException {
        Path channels = Files.createTempDirectory("herald-limit-channels");
        Files.writeString(channels.resolve("limited.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                + platform.baseUrl() + "\nrateLimitPerMinute: " + LIMIT + "\n");
        Map<String, String> settings = new HashMap<>(database());
        settings.put("herald.data-dir", Files.createTempDirectory("herald-limit-data").toString());
        settings.put("herald.channels-dir", channels.toString());
        settings.put("herald.test.fake-platform", "true");
        settings.put("herald.test.clock", "true");
        settings.put("herald.publishing.scheduler-enabled", "false");
        return settings;
    }

    ApplicationContext start(Map<String, String> settings) {
        ApplicationContext context = ApplicationContext.run(new HashMap<>(settings), "test");
        context.getBean(TestClock.class).set(MORNING);
        running.add(context);
        return context;
    }

    List<Long> scheduleBurst(ApplicationContext context) {
        long pieceId = context.getBean(Pieces.class).list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED,
                null, null, null), Pageable.from(0, 1)).getContent().get(0).id();
        Publishing publishing = context.getBean(Publishing.class);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            ids.add(publishing.schedule(pieceId, List.of("limited"), MORNING, Priority.NORMAL, true, "bien-tap").get(0).id());
        }
        return ids;
    }

    Map<Long, Instant> drive(List<Long> ids, List<ApplicationContext> nodes, Instant until) {
        Map<Long, Instant> due = new LinkedHashMap<>();
        ids.forEach(id -> due.put(id, MORNING));
        return drive(due, nodes, until);
    }

    /**
     * Moves every node's clock a second at a time and dispatches what is due, taking turns between the nodes as the
     * queue would; answers what is still waiting at {@code until}, and when.
     */
    Map<Long, Instant> drive(Map<Long, Instant> waiting, List<ApplicationContext> nodes, Instant until) {
        Map<Long, Instant> due = new LinkedHashMap<>(waiting);
        int turn = 0;
        for (Instant now = MORNING; now.isBefore(until) && !due.isEmpty(); now = now.plusSeconds(1)) {
            for (ApplicationContext node : nodes) {
                node.getBean(TestClock.class).set(now);
            }
            Instant at = now;
            List<Long> ready = due.entrySet().stream().filter(e -> !e.getValue().isAfter(at)).map(Map.Entry::getKey).toList();
            for (long id : ready) {
                Optional<Instant> next = nodes.get(turn++ % nodes.size()).getBean(Dispatcher.class).dispatch(id);
                if (next.isPresent()) {
                    due.put(id, next.get());
                } else {
                    due.remove(id);
                }
            }
        }
        return due;
    }

    void assertEveryWindowHolds(ApplicationContext node, List<Long> ids) {
        PublicationStore store = node.getBean(PublicationStore.class);
        List<Instant> starts = ids.stream().flatMap(id -> store.attempts(id).stream()).map(Attempt::startedAt)
                .sorted(Comparator.naturalOrder()).toList();
        for (int i = 0; i < starts.size(); i++) {
            Instant from = starts.get(i);
            long inWindow = starts.stream().filter(s -> !s.isBefore(from) && s.isBefore(from.plusSeconds(60))).count();
            assertTrue(inWindow <= LIMIT, inWindow + " sends in the 60 s from " + from + ", the limit is " + LIMIT);
        }
        assertEquals(BURST, platform.postRequests(), "every publication of the burst was sent once");
        assertEquals(BURST, starts.size(), "one attempt each");
        long firstMinute = starts.stream().filter(s -> s.isBefore(MORNING.plusSeconds(60))).count();
        assertEquals(LIMIT, firstMinute, "the limit is used, not only kept");
    }
}
