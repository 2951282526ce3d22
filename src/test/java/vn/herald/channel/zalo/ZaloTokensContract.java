package vn.herald.channel.zalo;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.channel.Channel;
import vn.herald.channel.SendResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-use refresh token of a Zalo OA, written once and run on every database: stored sealed and before
 * the new access token is used, spent once by concurrent callers, refreshed once when Zalo rejects a token, and
 * a refusal of the refresh said to a person.
 */
abstract class ZaloTokensContract extends ZaloTestBase {

    @Inject ZaloTokens tokens;
    @Inject ZaloApi api;
    @Inject ZaloAdapter adapter;

    private ZaloApi.Answer aCall(Channel channel) throws Exception {
        return api.get(channel, settings(channel), "/v2.0/article/getslice?offset=0&limit=10&type=normal");
    }

    @Test
    void aTokenNearItsExpiryIsRefreshedAndTheNewRefreshTokenIsStoredSealedBeforeTheNewAccessTokenIsUsed() throws Exception {
        Channel channel = zaloChannel();
        zalo.expiresIn(3600);
        assertTrue(aCall(channel).ok());
        assertEquals(1, zalo.refreshes());
        assertEquals("refresh-token-1", storedRefreshToken());
        String sealed = storedColumn("refresh_token_enc");
        assertFalse(sealed.contains("refresh-token-1"), "the column holds ciphertext, not the token");
        assertFalse(storedColumn("access_token_enc").contains("access-token-1"));

        List<String> seenByZalo = new CopyOnWriteArrayList<>();
        zalo.beforeApiCall(request -> seenByZalo.add(request.getHeader("access_token") + " with " + storedRefreshToken()
                + " stored"));
        clock.advance(Duration.ofMinutes(30)); // 30 minutes left: inside the 60-minute refresh margin
        assertTrue(aCall(channel).ok());

        assertEquals(2, zalo.refreshes(), "refreshed before the call, not after a rejection");
        assertEquals(List.of("access-token-2 with refresh-token-2 stored"), seenByZalo);
        assertTrue(zalo.requestsTo("/v4/oa/access_token").get(1).getBody().clone().readUtf8()
                .contains("refresh_token=refresh-token-1"), "the stored token is spent, not the one in the environment");
        assertEquals(2, zalo.requestsTo("/v2.0/article/getslice").size(), "one call each time, no retry");
    }

    @Test
    void aFreshTokenIsUsedWithoutRefreshing() throws Exception {
        Channel channel = zaloChannel();
        aCall(channel);
        clock.advance(Duration.ofHours(2));
        aCall(channel);
        assertEquals(1, zalo.refreshes());
    }

    @Test
    void twoInstancesStartingTogetherSpendTheFirstRefreshTokenOnce() throws Exception {
        zalo.delayRefreshes(300);
        List<String> got = atOnce(2, () -> tokens.accessToken(zaloChannel(), settings(zaloChannel())));
        assertEquals(List.of("access-token-1", "access-token-1"), got);
        assertEquals(1, zalo.refreshes());
        assertEquals("refresh-token-1", storedRefreshToken());
    }

    @Test
    void twoInstancesRefreshingAnExpiredTokenSpendTheRefreshTokenOnce() throws Exception {
        tokens.accessToken(zaloChannel(), settings(zaloChannel()));
        clock.advance(Duration.ofHours(25));
        zalo.delayRefreshes(300);
        List<String> got = atOnce(3, () -> tokens.accessToken(zaloChannel(), settings(zaloChannel())));
        assertEquals(List.of("access-token-2", "access-token-2", "access-token-2"), got);
        assertEquals(2, zalo.refreshes());
        assertEquals(2, zalo.requestsTo("/v4/oa/access_token").size(), "no refresh token was offered twice");
        assertEquals("refresh-token-2", storedRefreshToken());
    }

    @Test
    void aTokenZaloRejectsIsRefreshedOnceAndTheCallMadeAgain() throws Exception {
        Channel channel = zaloChannel();
        aCall(channel);
        zalo.revokeAccessToken();
        assertTrue(aCall(channel).ok());
        assertEquals(2, zalo.refreshes());
        assertEquals(3, zalo.requestsTo("/v2.0/article/getslice").size(), "the rejected call and its one retry");
        assertEquals("refresh-token-2", storedRefreshToken());
    }

    @Test
    void aRefreshZaloRefusesNeedsAPersonAndNamesWhatToDoWithoutShowingTheToken() {
        secrets.set("HERALD_ZALO_REFRESH_TOKEN", "a-token-someone-already-spent");
        Channel channel = zaloChannel();
        SendResult result = adapter.send(delivery(adapter.render(anArticle("Lịch tiêm chủng tháng 6", "Tóm tắt."), channel), channel));
        SendResult.NeedsAttention attention = assertInstanceOf(SendResult.NeedsAttention.class, result);
        assertTrue(attention.reason().contains("Zalo từ chối làm mới mã truy cập"), attention.reason());
        assertTrue(attention.reason().contains("HERALD_ZALO_REFRESH_TOKEN"), attention.reason());
        assertFalse(attention.reason().contains("a-token-someone-already-spent"));
        assertEquals(0, tokenRows(), "nothing is stored from a refused refresh");
    }

    @Test
    void aNewRefreshTokenInTheEnvironmentReplacesTheStoredOneAfterAPersonReauthorises() throws Exception {
        Channel channel = zaloChannel();
        aCall(channel);
        zalo.reauthorise("after-reauthorisation");
        secrets.set("HERALD_ZALO_REFRESH_TOKEN", "after-reauthorisation");
        zalo.revokeAccessToken();
        assertTrue(aCall(channel).ok());
        assertTrue(zalo.requestsTo("/v4/oa/access_token").get(1).getBody().clone().readUtf8()
                .contains("refresh_token=after-reauthorisation"));
        assertEquals("refresh-token-2", storedRefreshToken());
    }

    @Test
    void withoutTheTokenKeyNothingIsCalledNorStored() {
        secrets.clear();
        secrets.set("HERALD_ZALO_REFRESH_TOKEN", FakeZalo.FIRST_REFRESH_TOKEN);
        ZaloFailure failure = assertThrows(ZaloFailure.class, () -> tokens.accessToken(zaloChannel(), settings(zaloChannel())));
        assertTrue(failure.getMessage().contains("HERALD_ZALO_TOKEN_KEY"), failure.getMessage());
        assertEquals(0, zalo.requests().size());
        assertEquals(0, tokenRows());
    }

    private static List<String> atOnce(int callers, Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<String> results = new java.util.ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
