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
import vn.herald.channel.Channels;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dead-token case of a live run: one send on the channel at a time, the platform slow to refuse the token,
 * two more sends claimed while the first waits for its answer. Once the first pauses the channel, the two waiting
 * ones must not go out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PauseStopsClaimedSendsTest implements TestPropertyProvider {

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject TestClock clock;

    private final FakePlatform platform = new FakePlatform();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: " + platform.baseUrl()
                    + "\nrateLimitPerMinute: 100000\n");
            return Map.of("herald.channels-dir", dir.toString(), "herald.test.clock", "true",
                    "herald.test.fake-platform", "true", "herald.publishing.scheduler-enabled", "false",
                    "herald.publishing.max-in-flight-per-channel", "1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    @Test
    void sendsClaimedBeforeATokenProblemPausedTheChannelWaitWithoutSpendingAnAttempt() throws Exception {
        Instant morning = Instant.parse("2027-05-17T01:00:00Z");
        clock.set(morning);
        long pieceId = pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getContent().get(0).id();
        long first = publishing.schedule(pieceId, List.of("fake"), morning, Priority.NORMAL, true, "bien-tap").get(0).id();
        long second = publishing.schedule(pieceId, List.of("fake"), morning, Priority.NORMAL, true, "bien-tap").get(0).id();
        long third = publishing.schedule(pieceId, List.of("fake"), morning, Priority.NORMAL, true, "bien-tap").get(0).id();
        platform.then(FakePlatform.Answer.UNAUTHORIZED);
        platform.delay(150);

        CompletableFuture<?> refused = CompletableFuture.runAsync(() -> dispatcher.dispatch(first));
        Instant giveUp = Instant.now().plusSeconds(30);
        while (platform.postRequests() == 0 && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        // claimed while the first waits for its answer: they wait for the channel's one slot
        CompletableFuture<?> others = CompletableFuture.allOf(CompletableFuture.runAsync(() -> dispatcher.dispatch(second)),
                CompletableFuture.runAsync(() -> dispatcher.dispatch(third)));
        refused.get(30, TimeUnit.SECONDS);
        others.get(30, TimeUnit.SECONDS);

        assertTrue(channels.get("fake").paused(), "the refused token paused the channel");
        assertEquals(1, platform.postRequests(), "only the first send reached the platform");
        for (long id : List.of(second, third)) {
            Publication waiting = publishing.get(id);
            assertEquals(PublicationStatus.SCHEDULED, waiting.status());
            assertEquals(0, waiting.attempts(), "no attempt spent on publication " + id);
        }
        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(first).status());
    }
}
