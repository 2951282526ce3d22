package vn.herald.channel.zalo;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zalo OA and its OAuth server on loopback, answering the documented shapes: every answer is HTTP 200 with
 * {@code error} in the body. Refresh tokens are single-use and access tokens are checked on every call, like the
 * real platform. Scripted answers per path come first.
 */
public class FakeZalo implements AutoCloseable {

    public static final String FIRST_REFRESH_TOKEN = "refresh-token-from-the-environment";
    private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Article(String id, String title, String link, String description) {}

    /** What Zalo counts of an article, as article/getslice gives it. */
    public record Figures(long createDateMillis, long views, long shares) {}

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Queue<MockResponse>> scripts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Article> articles = new CopyOnWriteArrayList<>();
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile String liveRefreshToken = FIRST_REFRESH_TOKEN;
    private volatile String liveAccessToken = "none-issued-yet";
    private volatile long expiresInSeconds = 90_000;
    private volatile long refreshDelayMillis;
    private volatile long followers;
    private volatile Consumer<RecordedRequest> beforeApiCall = request -> {};

    public FakeZalo() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Forgets everything: a new OA whose refresh token is the one in the environment. */
    void reset() {
        scripts.clear();
        requests.clear();
        articles.clear();
        figures.clear();
        followers = 0;
        refreshes.set(0);
        liveRefreshToken = FIRST_REFRESH_TOKEN;
        liveAccessToken = "none-issued-yet";
        expiresInSeconds = 90_000;
        refreshDelayMillis = 0;
        beforeApiCall = request -> {};
    }

    /** The next answers on this path (e.g. "/v2.0/article/verify"), before the normal behaviour resumes. */
    void then(String path, MockResponse... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    static MockResponse zalo(String json) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(json);
    }

    static MockResponse error(int code, String message) {
        return zalo("{\"error\":" + code + ",\"message\":\"" + message + "\"}");
    }

    /** A person re-authorised the OA: Zalo now honours this refresh token (and no older one). */
    void reauthorise(String refreshToken) {
        liveRefreshToken = refreshToken;
    }

    void expiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    void delayRefreshes(long millis) {
        refreshDelayMillis = millis;
    }

    /** Makes Zalo forget the access token it issued, as when it expires early: the next call gets -216. */
    void revokeAccessToken() {
        liveAccessToken = "revoked";
    }

    /** Runs on each Open API call that carries a valid token, before it is answered. */
    void beforeApiCall(Consumer<RecordedRequest> check) {
        beforeApiCall = check;
    }

    public void publishedEarlier(String id, String title, String description) {
        articles.add(new Article(id, title, "https://zalo.me/article/" + id, description));
    }

    /** The OA's follower count, as oa/getoa gives it. */
    public void followers(long count) {
        followers = count;
    }

    public void figures(String id, Figures counted) {
        figures.put(id, counted);
    }

    int refreshes() {
        return refreshes.get();
    }

    String liveRefreshToken() {
        return liveRefreshToken;
    }

    String liveAccessToken() {
        return liveAccessToken;
    }

    List<Article> articles() {
        return articles;
    }

    List<RecordedRequest> requests() {
        return requests;
    }

    List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.getPath() != null && r.getPath().split("\\?")[0].equals(path)).toList();
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().split("\\?")[0];
        if (path.equals("/v4/oa/access_token")) {
            return refresh(request);
        }
        Queue<MockResponse> script = scripts.get(path);
        MockResponse scripted = script == null ? null : script.poll();
        if (scripted != null) {
            return scripted;
        }
        if (!liveAccessToken.equals(request.getHeader("access_token"))) {
            return error(-216, "Access token is invalid");
        }
        beforeApiCall.accept(request);
        String body = request.getBody().clone().readUtf8();
        return switch (path) {
            case "/v2.0/oa/upload/image" -> zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"attachment_id\":\"att-"
                    + sequence.incrementAndGet() + "\"}}");
            case "/v2.0/article/create" -> {
                Matcher title = TITLE.matcher(body);
                Matcher description = DESCRIPTION.matcher(body);
                String id = "art-" + sequence.incrementAndGet();
                articles.add(new Article(id, title.find() ? title.group(1).replace("\\\"", "\"") : "", "https://zalo.me/article/" + id,
                        description.find() ? description.group(1).replace("\\\"", "\"") : ""));
                yield zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"token\":\"token-of-" + id + "\"}}");
            }
            case "/v2.0/article/verify" -> {
                String id = body.replaceAll(".*token-of-(art-\\d+).*", "$1");
                yield zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"id\":\"" + id + "\"}}");
            }
            case "/v2.0/article/getdetail" -> {
                String id = request.getRequestUrl().queryParameter("id");
                String description = articles.stream().filter(a -> a.id().equals(id)).map(Article::description).findFirst().orElse("");
                yield zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"id\":\"" + id + "\",\"link\":\"https://zalo.me/article/"
                        + id + "\",\"description\":\"" + description.replace("\"", "\\\"") + "\"}}");
            }
            case "/v2.0/article/getslice" -> slice(request);
            case "/v2.0/oa/getoa" -> zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"oa_id\":\"2491302944280861639\","
                    + "\"name\":\"UBND xã Hòa An\",\"description\":\"Trang thông tin của UBND xã\",\"oa_alias\":\"ubndxahoaan\","
                    + "\"is_verified\":true,\"oa_type\":2,\"cate_name\":\"Cơ quan nhà nước\",\"num_follower\":" + followers
                    + ",\"avatar\":\"https://s160-ava-talk.zadn.vn/a.jpg\",\"cover\":\"https://cover-talk.zadn.vn/c.jpg\"}}");
            case "/v2.0/oa/message", "/v3.0/oa/group/message" ->
                    zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m-" + sequence.incrementAndGet() + "\"}}");
            default -> new MockResponse().setResponseCode(404).setBody("no such path " + path);
        };
    }

    private MockResponse slice(RecordedRequest request) {
        int offset = Integer.parseInt(request.getRequestUrl().queryParameter("offset"));
        int limit = Integer.parseInt(request.getRequestUrl().queryParameter("limit"));
        List<Article> newestFirst = new java.util.ArrayList<>(articles);
        java.util.Collections.reverse(newestFirst);
        StringBuilder medias = new StringBuilder();
        for (int i = offset; i < Math.min(newestFirst.size(), offset + limit); i++) {
            Article a = newestFirst.get(i);
            medias.append(medias.isEmpty() ? "" : ",").append("{\"id\":\"").append(a.id()).append("\",\"type\":\"normal\",\"title\":\"")
                    .append(a.title().replace("\"", "\\\"")).append("\",\"status\":\"show\"");
            Figures counted = figures.get(a.id());
            if (counted != null) {
                medias.append(",\"total_view\":").append(counted.views()).append(",\"total_share\":").append(counted.shares())
                        .append(",\"create_date\":").append(counted.createDateMillis());
            }
            medias.append("}");
        }
        return zalo("{\"error\":0,\"message\":\"Success\",\"data\":{\"medias\":[" + medias + "],\"total\":" + articles.size() + "}}");
    }

    private synchronized MockResponse refresh(RecordedRequest request) {
        Queue<MockResponse> script = scripts.get("/v4/oa/access_token");
        MockResponse scripted = script == null ? null : script.poll();
        if (scripted != null) {
            return scripted;
        }
        String form = request.getBody().clone().readUtf8();
        String offered = form.replaceAll(".*refresh_token=([^&]*).*", "$1");
        if (!offered.equals(liveRefreshToken) || !form.contains("grant_type=refresh_token") || !form.contains("app_id=app-42")
                || !"app-secret".equals(request.getHeader("secret_key"))) {
            return zalo("{\"error\":-14014,\"error_name\":\"Invalid refresh token\",\"error_description\":\"refresh token is invalid\"}");
        }
        int n = refreshes.incrementAndGet();
        liveRefreshToken = "refresh-token-" + n;
        liveAccessToken = "access-token-" + n;
        return zalo("{\"access_token\":\"" + liveAccessToken + "\",\"refresh_token\":\"" + liveRefreshToken
                + "\",\"expires_in\":\"" + expiresInSeconds + "\"}").setBodyDelay(refreshDelayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
