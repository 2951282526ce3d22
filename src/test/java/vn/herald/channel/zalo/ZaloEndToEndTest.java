package vn.herald.channel.zalo;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asEditor;
import static vn.herald.channel.zalo.FakeZalo.error;

/**
 * A piece scheduled on a live Zalo OA channel goes through the engine as it would in production: scheduled,
 * dispatched (driven by hand, as DispatchContract does), published with Zalo's id and link.
 */
@MicronautTest(transactional = false)
class ZaloEndToEndTest extends ZaloTestBase {

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Accounts accounts;
    @Inject @Client("/") HttpClient http;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Publication scheduledOnZalo(String title) {
        Piece piece = anArticle(title, "Người dân làm thủ tục khai sinh ngay trên điện thoại.");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        return publishing.schedule(piece.id(), List.of("zalo"), MORNING, "bien-tap").get(0);
    }

    @Test
    void aScheduledPieceIsPublishedOnZaloWithItsIdAndLinkAndItsWarningsShowOnThePublication() throws Exception {
        String longTitle = "Khai sinh trực tuyến liên thông: ".repeat(6).strip();
        zalo.then("/v2.0/article/verify", error(-214, "Article is processing"));
        Publication publication = scheduledOnZalo(longTitle);

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication published = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, published.status());
        String id = zalo.articles().get(0).id();
        assertEquals(id, published.externalId());
        assertEquals("https://zalo.me/article/" + id, published.externalUrl());
        assertEquals(1, zalo.requestsTo("/v2.0/article/create").size());

        Map<String, Object> detail = http.toBlocking().retrieve(asEditor(HttpRequest.GET("/api/publications/" + publication.id())),
                Argument.mapOf(String.class, Object.class));
        Map<?, ?> shown = (Map<?, ?>) detail.get("publication");
        Map<?, ?> payload = json.readValue((String) shown.get("payload"), Map.class);
        List<?> warnings = (List<?>) payload.get("warnings");
        assertEquals(1, warnings.size(), String.valueOf(warnings));
        assertTrue(warnings.get(0).toString().startsWith("Tiêu đề dài"), warnings.toString());
        assertTrue(String.valueOf(shown.get("warning")).startsWith("Tiêu đề dài"),
                "the trimming warning is on the publication itself: " + shown.get("warning"));
        assertFalse(detail.toString().contains("access-token"), "no token in what the API answers");
        assertFalse(detail.toString().contains("refresh-token"));
    }

    @Test
    void anArticleWithoutAnIdInTimeIsFoundOnZaloInsteadOfBeingCreatedAgain() {
        for (int i = 0; i < 5; i++) { // the channel file allows 5 checks
            zalo.then("/v2.0/article/verify", error(-214, "Article is processing"));
        }
        Publication publication = scheduledOnZalo("Lịch trực y tế dịp lễ");

        java.time.Instant next = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());

        clock.set(next);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status());
        assertEquals(zalo.articles().get(0).id(), found.externalId());
        assertEquals(1, zalo.requestsTo("/v2.0/article/create").size(), "never created twice");
    }

    @Test
    void aRefreshZaloRefusesPausesTheChannelWithAReasonInVietnamese() {
        secrets.set("HERALD_ZALO_REFRESH_TOKEN", "spent-long-ago");
        Publication publication = scheduledOnZalo("Lịch tiếp công dân tháng 6");

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("zalo").pausedReason();
        assertTrue(reason != null && reason.startsWith("Zalo từ chối làm mới mã truy cập"), reason);
        assertFalse(reason.contains("spent-long-ago"));
        assertTrue(zalo.requestsTo("/v2.0/article/create").isEmpty());
    }

    @Test
    void aRefreshRefusedWhileLookingForAnEarlierArticlePausesTheChannel() {
        for (int i = 0; i < 5; i++) { // the channel file allows 5 checks: the article's fate is unknown
            zalo.then("/v2.0/article/verify", error(-214, "Article is processing"));
        }
        Publication publication = scheduledOnZalo("Lịch tiêm chủng mở rộng tháng 6");
        java.time.Instant next = dispatcher.dispatch(publication.id()).orElseThrow();
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());

        // while looking, Zalo rejects the access token and refuses the refresh: the refresh token is spent
        zalo.then("/v2.0/article/getslice", error(-216, "Access token is invalid"));
        zalo.then("/v4/oa/access_token", FakeZalo.zalo("{\"error\":-14020,\"message\":\"Refresh token is invalid\"}"));
        clock.set(next);
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()), "nothing more is tried until a person acts");

        String reason = channels.get("zalo").pausedReason();
        assertTrue(reason != null && reason.startsWith("Zalo từ chối làm mới mã truy cập") && reason.contains("-14020"), reason);
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status(), "still to be looked for");
        int refreshes = zalo.requestsTo("/v4/oa/access_token").size();
        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));
        assertEquals(refreshes, zalo.requestsTo("/v4/oa/access_token").size(), "the spent refresh token is not offered again");
        assertEquals(1, zalo.requestsTo("/v2.0/article/create").size());
    }

    @Test
    void anArticleAlreadyRecordedForAnotherPublicationIsNotTakenAsAnInterruptedOnesOwn() {
        Publication first = scheduledOnZalo("Lịch trực Tết Nguyên đán");
        assertEquals(Optional.empty(), dispatcher.dispatch(first.id()));
        String firstId = publishing.get(first.id()).externalId();

        // the same title and text again; this time the connection drops before Zalo makes anything
        zalo.then("/v2.0/article/create", new okhttp3.mockwebserver.MockResponse()
                .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
        Publication second = scheduledOnZalo("Lịch trực Tết Nguyên đán");
        java.time.Instant next = dispatcher.dispatch(second.id()).orElseThrow();
        assertEquals(PublicationStatus.UNKNOWN, publishing.get(second.id()).status());

        clock.set(next);
        assertEquals(Optional.empty(), dispatcher.dispatch(second.id()));
        Publication sent = publishing.get(second.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertFalse(firstId.equals(sent.externalId()), "the first publication's article is not the second's: " + sent.externalId());
        assertEquals(2, zalo.articles().size());
    }
}
