package vn.herald.publishing;

import vn.herald.channel.Priority;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform that answers 500 and 429 (Retry-After: 120) for fifty minutes around midnight in Hanoi, then heals. The
 * dispatcher is driven the way db-scheduler drives it (each publication again at the instant its dispatch answered)
 * on a clock moved by hand, so the whole outage takes no real time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformOutageTest implements TestPropertyProvider {

    private static final Duration RETRY_BASE = Duration.ofSeconds(30);
    private static final Duration RETRY_CAP = Duration.ofMinutes(30);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(120); // what FakePlatform's 429 says
    private static final Instant OUTAGE_START = Instant.parse("2027-05-17T16:40:00Z"); // 23:40 in Hanoi
    private static final Instant MIDNIGHT = Instant.parse("2027-05-17T17:00:00Z"); // 00:00 in Hanoi, today's deadline
    private static final Instant OUTAGE_END = Instant.parse("2027-05-17T17:30:00Z");
    private static final Instant AFTER_MIDNIGHT = Instant.parse("2027-05-17T17:01:00Z");

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject TestClock clock;

    final FakePlatform platform = new FakePlatform();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: " + platform.baseUrl()
                    + "\nrateLimitPerMinute: 100000\n");
            return Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.test.fake-platform", "true",
                    "herald.publishing.scheduler-enabled", "false",
                    "herald.publishing.retry-base", RETRY_BASE.toSeconds() + "s",
                    "herald.publishing.retry-cap", RETRY_CAP.toMinutes() + "m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    private record Due(Instant at, long id) {}

    @Test
    void anOutageIsRiddenOutWithinTheBackoffAndNothingIsSentPastItsDeadline() {
        clock.set(OUTAGE_START);
        platform.outage(FakePlatform.Answer.SERVER_ERROR, FakePlatform.Answer.RATE_LIMITED, FakePlatform.Answer.SERVER_ERROR);
        long pieceId = pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getContent().get(0).id();
        List<Publication> tonight = new ArrayList<>();
        List<Publication> tomorrow = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tonight.add(publishing.schedule(pieceId, List.of("fake"), OUTAGE_START, Priority.NORMAL, true, "bien-tap").get(0));
            tomorrow.add(publishing.schedule(pieceId, List.of("fake"), AFTER_MIDNIGHT, Priority.NORMAL, true, "bien-tap").get(0));
        }
        assertEquals(MIDNIGHT, tonight.get(0).deadline());

        PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at));
        tonight.forEach(p -> queue.add(new Due(p.plannedAt(), p.id())));
        tomorrow.forEach(p -> queue.add(new Due(p.plannedAt(), p.id())));
        int requestsDuringOutage = -1;
        while (!queue.isEmpty() && queue.peek().at().isBefore(OUTAGE_END.plus(Duration.ofHours(3)))) {
            Due due = queue.poll();
            if (requestsDuringOutage < 0 && !due.at().isBefore(OUTAGE_END)) {
                requestsDuringOutage = platform.postRequests();
                platform.heal();
            }
            clock.set(due.at());
            Optional<Instant> next = dispatcher.dispatch(due.id());
            next.ifPresent(at -> queue.add(new Due(at, due.id())));
        }
        assertTrue(queue.isEmpty(), "publications still waiting three hours after the platform healed: " + queue);

        // deadlines: what was due tonight is EXPIRED, never sent late, and was never tried after midnight
        for (Publication publication : tonight) {
            assertEquals(PublicationStatus.EXPIRED, publishing.get(publication.id()).status());
            assertEquals(0, platform.timesPosted(String.valueOf(publication.id())), "sent after its deadline");
            assertTrue(publishing.attempts(publication.id()).stream().allMatch(a -> a.startedAt().isBefore(MIDNIGHT)));
        }
        // delivery: what was due tomorrow is published once, soon after the platform healed
        Duration longestWait = longestWaitAfter(maxAttempts(Duration.between(AFTER_MIDNIGHT, OUTAGE_END)));
        for (Publication publication : tomorrow) {
            Publication sent = publishing.get(publication.id());
            assertEquals(PublicationStatus.PUBLISHED, sent.status());
            assertEquals(1, platform.timesPosted(String.valueOf(publication.id())));
            assertTrue(!sent.updatedAt().isAfter(OUTAGE_END.plus(longestWait)),
                    "published at " + sent.updatedAt() + ", later than the longest backoff step after healing");
        }
        // the platform's own wait: no try came sooner than Retry-After after a 429
        for (Publication publication : tonight.stream().map(Publication::id).map(publishing::get).toList()) {
            assertRetryAfterHonoured(publishing.attempts(publication.id()));
        }
        for (Publication publication : tomorrow) {
            assertRetryAfterHonoured(publishing.attempts(publication.id()));
        }
        // the load on the failing platform: at most what the backoff allows in each publication's window
        int bound = tonight.size() * maxAttempts(Duration.between(OUTAGE_START, MIDNIGHT))
                + tomorrow.size() * maxAttempts(Duration.between(AFTER_MIDNIGHT, OUTAGE_END));
        System.out.println("Outage: " + requestsDuringOutage + " requests to the failing platform, backoff bound " + bound);
        assertTrue(requestsDuringOutage >= tonight.size() + tomorrow.size(), "the outage was not met: " + requestsDuringOutage);
        assertTrue(requestsDuringOutage <= bound, requestsDuringOutage + " requests during the outage, the backoff allows " + bound);
    }

    /**
     * The most attempts one publication can make within {@code window} from its first: each wait is at least half its
     * backoff step ({@code base * 2^(n-1)}, capped), the shortest the jitter allows.
     */
    private static int maxAttempts(Duration window) {
        int attempts = 1;
        Duration elapsed = Duration.ZERO;
        while (true) {
            Duration step = RETRY_BASE.multipliedBy(1L << Math.min(attempts - 1, 30));
            Duration shortest = (step.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : step).dividedBy(2);
            elapsed = elapsed.plus(shortest);
            if (elapsed.compareTo(window) > 0) {
                return attempts;
            }
            attempts++;
        }
    }

    /** The longest wait that can follow attempt {@code attempts}: its full step, or the platform's own wait. */
    private static Duration longestWaitAfter(int attempts) {
        Duration step = RETRY_BASE.multipliedBy(1L << Math.min(attempts - 1, 30));
        Duration capped = step.compareTo(RETRY_CAP) > 0 ? RETRY_CAP : step;
        return capped.compareTo(RETRY_AFTER) > 0 ? capped : RETRY_AFTER;
    }

    private static void assertRetryAfterHonoured(List<Attempt> attempts) {
        for (int i = 1; i < attempts.size(); i++) {
            Attempt before = attempts.get(i - 1);
            if ("rate limited".equals(before.detail())) {
                Duration gap = Duration.between(before.startedAt(), attempts.get(i).startedAt());
                assertTrue(gap.compareTo(RETRY_AFTER) >= 0, "tried again " + gap + " after a 429 with Retry-After: 120");
            }
        }
    }
}
