package vn.herald.publishing;

import vn.herald.channel.Priority;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.support.Refusal;
import vn.herald.TestClock;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher's promises, written once and run on every database: sent once, retried with backoff to the
 * deadline and never after it, paused for a person, reconciled after a crash, rolled back with its transaction.
 * The clock and the dispatcher are driven by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DispatchContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject TestClock clock;
    @Inject TransactionOperations<Connection> transactions;

    final FakePlatform platform = new FakePlatform();

    /** The database under test, added to the shared settings. */
    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            for (String id : List.of("fake", "fragile")) {
                Files.writeString(dir.resolve(id + ".yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                        + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            }
            Files.writeString(dir.resolve("dry.yml"), "type: FACEBOOK_PAGE\nmode: dry-run\nbaseUrl: " + platform.baseUrl() + "\n");
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.test.fake-platform", "true",
                    "herald.publishing.scheduler-enabled", "false",
                    "herald.publishing.retry-base", "30s",
                    "herald.publishing.retry-cap", "30m"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    @BeforeEach
    void morning() {
        clock.set(MORNING);
        platform.forgetScript();
    }

    private Piece anApprovedPiece() {
        return pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getContent().get(0);
    }

    private Publication scheduled(String channel, Instant at) {
        return publishing.schedule(anApprovedPiece().id(), List.of(channel), at, Priority.NORMAL, true, "bien-tap").get(0);
    }

    private String ref(Publication publication) {
        return String.valueOf(publication.id());
    }

    @Test
    void aDuePublicationIsSentOnceAndKeepsThePlatformsIdAndAddress() {
        Publication publication = scheduled("fake", MORNING);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()), "a second dispatch sends nothing");

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertNotNull(sent.externalId());
        assertTrue(sent.externalUrl().startsWith(platform.baseUrl()), sent.externalUrl());
        assertEquals(1, platform.timesPosted(ref(publication)));
        assertEquals(List.of(PublicationStatus.SCHEDULED, PublicationStatus.SENDING, PublicationStatus.PUBLISHED),
                publishing.events(publication.id()).stream().map(PublicationEvent::toStatus).toList());
    }

    @Test
    void aPublicationPlannedLaterWaitsForItsTime() {
        Publication publication = scheduled("fake", MORNING.plus(Duration.ofHours(2)));
        assertEquals(Optional.of(MORNING.plus(Duration.ofHours(2))), dispatcher.dispatch(publication.id()));
        assertEquals(0, platform.timesPosted(ref(publication)));
    }

    @Test
    void schedulingAndItsQueueEntryCommitOrRollBackTogether() {
        long before = publishing.list(new Publishing.Filter(null, null, null, null, null), Pageable.from(0, 1)).getTotalSize();
        long tasksBefore = queuedTasks();
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            scheduled("fake", MORNING.plus(Duration.ofHours(1)));
            throw new IllegalStateException("the business change failed after scheduling");
        }));
        assertEquals(before, publishing.list(new Publishing.Filter(null, null, null, null, null), Pageable.from(0, 1)).getTotalSize());
        assertEquals(tasksBefore, queuedTasks(), "no queue entry outlives its rolled-back publication");

        Publication committed = scheduled("fake", MORNING.plus(Duration.ofHours(1)));
        assertEquals(tasksBefore + 1, queuedTasks());
        assertTrue(queuedInstance(committed.id()));
    }

    @Test
    void onlyAnApprovedPieceCanBeScheduled() {
        Piece draft = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Bản nháp chưa duyệt", null, "<p>x</p>", null,
                null, null, null, null, null, null, null, null), "bien-tap");
        Refusal refusal = assertThrows(Refusal.class, () -> publishing.schedule(draft.id(), List.of("fake"), MORNING, "bien-tap"));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertTrue(refusal.getMessage().contains("Bản nháp"), refusal.getMessage());
    }

    @Test
    void aFailingPlatformIsRetriedWithGrowingWaitsUntilItHeals() {
        platform.then(FakePlatform.Answer.SERVER_ERROR, FakePlatform.Answer.SERVER_ERROR);
        Publication publication = scheduled("fake", MORNING);

        Instant first = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(PublicationStatus.RETRY_WAIT, publishing.get(publication.id()).status());
        assertBetween(first, MORNING.plusSeconds(15), MORNING.plusSeconds(30));

        assertEquals(Optional.of(first), dispatcher.dispatch(publication.id()), "nothing is sent before the wait is over");
        assertEquals(0, platform.timesPosted(ref(publication)));

        clock.set(first);
        Instant second = dispatcher.dispatch(publication.id()).orElseThrow();
        assertBetween(second, first.plusSeconds(30), first.plusSeconds(60));

        clock.set(second);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(List.of("RETRY_LATER", "RETRY_LATER", "SENT"),
                publishing.attempts(publication.id()).stream().map(Attempt::outcome).toList());
        assertEquals(1, platform.timesPosted(ref(publication)));
    }

    @Test
    void thePlatformsOwnWaitIsHonoured() {
        platform.then(FakePlatform.Answer.RATE_LIMITED);
        Publication publication = scheduled("fake", MORNING);
        Instant next = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(MORNING.plusSeconds(120), next, "Retry-After: 120 is longer than the first backoff step");
    }

    @Test
    void pastItsDeadlineAPublicationExpiresAndIsNeverSentLate() {
        Instant lateEvening = Instant.parse("2027-05-17T16:50:00Z"); // 23:50 in Hanoi; the day ends at 17:00Z
        clock.set(lateEvening);
        for (int i = 0; i < 12; i++) {
            platform.then(FakePlatform.Answer.SERVER_ERROR);
        }
        Publication publication = scheduled("fake", lateEvening);
        assertEquals(Instant.parse("2027-05-17T17:00:00Z"), publication.deadline());

        Optional<Instant> next = dispatcher.dispatch(publication.id());
        for (int tries = 0; next.isPresent() && tries < 10; tries++) {
            clock.set(next.get());
            next = dispatcher.dispatch(publication.id());
        }
        Publication expired = publishing.get(publication.id());
        assertEquals(PublicationStatus.EXPIRED, expired.status());
        assertEquals(0, platform.timesPosted(ref(publication)));
        assertTrue(publishing.attempts(publication.id()).stream().allMatch(a -> a.startedAt().isBefore(expired.deadline())));
    }

    @Test
    void aTokenProblemPausesTheChannelAndItsOtherPublicationsWaitUntilAnAdminResumes() {
        platform.then(FakePlatform.Answer.UNAUTHORIZED);
        Publication first = scheduled("fragile", MORNING);
        Publication second = scheduled("fragile", MORNING);

        assertEquals(Optional.empty(), dispatcher.dispatch(first.id()));
        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(first.id()).status());
        assertEquals("token expired", channels.get("fragile").pausedReason());

        assertEquals(Optional.empty(), dispatcher.dispatch(second.id()));
        Publication waiting = publishing.get(second.id());
        assertEquals(PublicationStatus.SCHEDULED, waiting.status(), "it waits: no failure, no attempt burned");
        assertEquals(0, waiting.attempts());
        assertEquals(0, platform.timesPosted(ref(second)));

        publishing.resume("fragile", "admin");
        assertFalse(channels.get("fragile").paused());
        assertTrue(queuedInstance(second.id()));
        dispatcher.dispatch(second.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(second.id()).status());

        publishing.retry(first.id(), "bien-tap");
        dispatcher.dispatch(first.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(first.id()).status());
    }

    @Test
    void rejectedContentNeedsAPersonAndDoesNotPauseTheChannel() {
        platform.then(FakePlatform.Answer.REJECTED);
        Publication publication = scheduled("fake", MORNING);
        dispatcher.dispatch(publication.id());
        Publication refused = publishing.get(publication.id());
        assertEquals(PublicationStatus.NEEDS_ATTENTION, refused.status());
        assertTrue(refused.lastError().contains("message too long"), refused.lastError());
        assertFalse(channels.get("fake").paused());
    }

    @Test
    void dryRunKeepsTheExactRequestWithoutSecretsAndSendsNothing() {
        int before = platform.postRequests();
        Publication publication = scheduled("dry", MORNING);
        dispatcher.dispatch(publication.id());

        Publication done = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, done.status());
        assertTrue(done.dryRunRequest().contains("\"POST\"") && done.dryRunRequest().contains("/posts"), done.dryRunRequest());
        assertTrue(done.dryRunRequest().contains("\\\"ref\\\":\\\"" + publication.id()), done.dryRunRequest());
        assertFalse(done.dryRunRequest().contains("secret-token"), done.dryRunRequest());
        assertEquals(before, platform.postRequests());
    }

    @Test
    void anAttemptWhoseAnswerWasLostIsFoundOnThePlatformInsteadOfBeingSentTwice() {
        platform.then(FakePlatform.Answer.ACCEPT_THEN_HANG);
        Publication publication = scheduled("fake", MORNING);

        Instant next = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());

        clock.set(next);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        Publication reconciled = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, reconciled.status());
        assertEquals(1, platform.timesPosted(ref(publication)));
    }

    @Test
    void anInterruptedAttemptFoundOnThePlatformAfterTheDeadlineCountsAsPublished() {
        platform.then(FakePlatform.Answer.ACCEPT_THEN_HANG);
        Publication publication = scheduled("fake", MORNING);
        dispatcher.dispatch(publication.id());

        clock.set(publication.deadline().plusSeconds(60));
        dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(1, platform.timesPosted(ref(publication)));
    }

    @Test
    void anAttemptThatNeverReachedThePlatformIsSentAfterLookingForIt() {
        platform.then(FakePlatform.Answer.DROP);
        Publication publication = scheduled("fake", MORNING);

        Instant next = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());
        clock.set(next);
        dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(1, platform.timesPosted(ref(publication)));
    }

    @Test
    void aNewApprovedRevisionRemakesThePayloadBeforeItIsSent() {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Lịch tiêm chủng tháng 5", null, "<p>x</p>",
                null, null, null, null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        Publication publication = publishing.schedule(piece.id(), List.of("fake"), MORNING.plus(Duration.ofHours(3)), "bien-tap").get(0);
        assertEquals("Lịch tiêm chủng tháng 5 (revision 1)", publication.payload());

        pieces.update(piece.id(), new PieceForm(null, null, "Lịch tiêm chủng tháng 5 (đã sửa giờ)", null, null, null, null,
                null, null, null, null, null, null, 1), "bien-tap");
        assertEquals("Lịch tiêm chủng tháng 5 (revision 1)", publishing.get(publication.id()).payload(),
                "an unapproved edit does not change what goes out");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");

        Publication remade = publishing.get(publication.id());
        assertEquals("Lịch tiêm chủng tháng 5 (đã sửa giờ) (revision 2)", remade.payload());
        assertTrue(publishing.events(publication.id()).stream()
                .anyMatch(e -> "payload-remade".equals(e.code()) && e.data().equals(Map.of("revision", "2", "was", "1"))));
    }

    @Test
    void aCancelledPublicationIsNeverSent() {
        Publication publication = scheduled("fake", MORNING);
        publishing.cancel(publication.id(), "trùng lịch", "bien-tap");
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(0, platform.timesPosted(ref(publication)));
    }

    private long queuedTasks() {
        return transactions.executeRead(status -> count(status.getConnection(), "select count(*) from scheduled_tasks where task_name = ?",
                PublicationQueue.TASK));
    }

    private boolean queuedInstance(long id) {
        return transactions.executeRead(status -> count(status.getConnection(),
                "select count(*) from scheduled_tasks where task_name = 'publish' and task_instance = ?", String.valueOf(id))) == 1;
    }

    private static long count(Connection connection, String sql, String parameter) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertBetween(Instant actual, Instant low, Instant high) {
        assertTrue(!actual.isBefore(low) && !actual.isAfter(high), actual + " not in [" + low + ", " + high + "]");
    }
}
