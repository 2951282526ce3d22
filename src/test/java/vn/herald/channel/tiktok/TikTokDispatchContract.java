package vn.herald.channel.tiktok;

import jakarta.inject.Inject;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TikTok adapter driven by the engine, written once and run on every database: published once with the post's
 * address, dry-run without a call, a crash between the upload and its result reconciled through the recorded
 * publish_id with one video on the account, and a refused token pausing the channel.
 */
abstract class TikTokDispatchContract extends TikTokTestBase {

    @Inject Dispatcher dispatcher;

    @Test
    void aVideoPieceIsPublishedOnTikTokWithThePostsIdAndAddress() {
        Publication publication = scheduled("tiktok", "Hướng dẫn nộp hồ sơ trực tuyến");

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        FakeTikTok.Post post = tiktok.published().get(0);
        assertEquals(post.postId, sent.externalId());
        assertEquals("https://www.tiktok.com/@xahoaan/video/" + post.postId, sent.externalUrl());
        assertEquals(1, tiktok.published().size());
    }

    @Test
    void dryRunRecordsTheRequestsWithoutSecretsAndCallsNothing() {
        Publication publication = scheduled("tiktok-thu", "Thử đăng TikTok");

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication done = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, done.status());
        assertNull(done.externalId());
        String request = done.dryRunRequest();
        assertTrue(request.contains("/v2/post/publish/video/init/") && request.contains("Content-Range")
                && request.contains("SELF_ONLY"), request);
        assertFalse(request.contains(FakeTikTok.CLIENT_SECRET) || request.contains(FakeTikTok.FIRST_REFRESH_TOKEN), request);
        assertTrue(tiktok.calls().isEmpty());
    }

    @Test
    void afterACrashBetweenTheUploadAndItsResultTheRestartedDispatchFindsThePostAndTikTokHoldsOne() {
        Publication publication = scheduled("tiktok", "Video trước khi máy chủ tắt");
        tiktok.then("/upload/", new MockResponse().setResponseCode(201).setHeadersDelay(3, TimeUnit.SECONDS));

        Optional<Instant> again = dispatcher.dispatch(publication.id());

        assertTrue(again.isPresent());
        assertEquals(1, tiktok.posts().size(), "TikTok has every byte; the answer was lost");
        // the process dies here: what it could not write is undone, the publication stays as the call left it
        update("update publication set status = 'SENDING', next_attempt_at = null where id = " + publication.id());
        clock.set(again.get());

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status());
        assertEquals(tiktok.published().get(0).postId, found.externalId());
        assertEquals(1, tiktok.published().size(), "one video on the account");
        assertEquals(1, tiktok.requestsTo("/v2/post/publish/video/init/").size(), "never a second video/init");
        assertNull(column("select reference from upload_session where publication_id = " + publication.id()));
    }

    @Test
    void afterACrashWhileTikTokStillProcessesTheRestartedDispatchPollsTheSamePost() {
        tiktok.processingPolls(3);
        Publication publication = scheduled("tiktok", "Video đang xử lý khi máy chủ tắt");
        tiktok.then("/upload/", new MockResponse().setResponseCode(201).setHeadersDelay(3, TimeUnit.SECONDS));

        Optional<Instant> again = dispatcher.dispatch(publication.id());

        update("update publication set status = 'SENDING', next_attempt_at = null where id = " + publication.id());
        clock.set(again.orElseThrow());

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(1, tiktok.requestsTo("/v2/post/publish/video/init/").size());
        assertEquals(1, tiktok.published().size());
    }

    @Test
    void aVideoStillProcessingIsPolledAgainOnTheNextAttemptNotPostedAgain() {
        tiktok.processingPolls(5);
        Publication publication = scheduled("tiktok", "Video chờ TikTok xử lý");

        Optional<Instant> again = dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.RETRY_WAIT, publishing.get(publication.id()).status());
        assertTrue(again.isPresent());
        clock.set(again.get());

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        assertEquals(1, tiktok.requestsTo("/v2/post/publish/video/init/").size());
        assertEquals(1, tiktok.published().size());
    }

    @Test
    void aRefusedTokenPausesTheChannelWithAReasonThatNamesTheVariable() {
        secrets.set("HERALD_TIKTOK_REFRESH_TOKEN", "a-revoked-refresh-token");
        Publication publication = scheduled("tiktok", "Mã bị thu hồi");

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("tiktok").pausedReason();
        assertTrue(reason.contains("HERALD_TIKTOK_REFRESH_TOKEN") && !reason.contains("a-revoked-refresh-token"), reason);
    }
}
