package vn.herald.channel.tiktok;

import io.micronaut.json.JsonMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TikTok's Content Posting API and OAuth server on loopback, answering the documented shapes
 * ({@code {"data":{...},"error":{"code":"ok","message":"","log_id":"..."}}}). Refresh tokens rotate and the old one
 * stops working; access tokens are checked on every call; video/init checks the chunk rules and the privacy level
 * against creator_info; the upload URL takes sequential Content-Range PUTs; a post is published once all its bytes
 * arrived (or, with PULL_FROM_URL, at once), after {@code processingPolls} PROCESSING answers. Scripted answers per path
 * come first.
 */
public class FakeTikTok implements AutoCloseable {

    public static final String FIRST_REFRESH_TOKEN = "tiktok-refresh-token-from-the-environment";
    public static final String CLIENT_KEY = "ck-hoa-an";
    public static final String CLIENT_SECRET = "cs-hoa-an";
    static final long MB = 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** A post in the making, as TikTok holds it. */
    public static final class Post {
        public final String publishId;
        final String source;
        public final long size;
        public final Map<String, Object> postInfo;
        final String videoUrl;
        public long received;
        int statusCalls;
        public String status = "PROCESSING_UPLOAD";
        String failReason;
        final String postId;

        Post(String publishId, String source, long size, Map<String, Object> postInfo, String videoUrl, String postId) {
            this.publishId = publishId;
            this.source = source;
            this.size = size;
            this.postInfo = postInfo;
            this.videoUrl = videoUrl;
            this.postId = postId;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final JsonMapper mapper = JsonMapper.createDefault();
    private final Map<String, Queue<MockResponse>> scripts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String liveRefreshToken = FIRST_REFRESH_TOKEN;
    private volatile String liveAccessToken = "none-issued-yet";
    private volatile List<String> privacyOptions = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    private volatile int maxSeconds = 600;
    private volatile boolean commentDisabled;
    private volatile int processingPolls = 1;
    private volatile String failWith;
    private volatile int cutUpload;
    private final AtomicInteger uploads = new AtomicInteger();
    private static final List<String> ALL_SCOPES = List.of("user.info.basic", "user.info.stats", "video.publish", "video.list");
    private volatile List<String> scopes = ALL_SCOPES;
    private volatile long followers;
    private final Map<String, VideoCounts> counts = new ConcurrentHashMap<>();

    /** A video's counts as video/query gives them. */
    record VideoCounts(long views, long likes, long comments, long shares) {}

    public FakeTikTok() {
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

    void reset() {
        scripts.clear();
        requests.clear();
        posts.clear();
        refreshes.set(0);
        liveRefreshToken = FIRST_REFRESH_TOKEN;
        liveAccessToken = "none-issued-yet";
        privacyOptions = List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
        maxSeconds = 600;
        commentDisabled = false;
        processingPolls = 1;
        failWith = null;
        cutUpload = 0;
        uploads.set(0);
        scopes = ALL_SCOPES;
        followers = 0;
        counts.clear();
    }

    /** The scopes the account granted the app: the next tokens carry them, and the read endpoints check them. */
    void granted(String... granted) {
        scopes = List.of(granted);
    }

    void followers(long count) {
        followers = count;
    }

    void counts(String videoId, VideoCounts counted) {
        counts.put(videoId, counted);
    }

    /** The next upload PUT is cut: the connection drops and none of its bytes are kept. */
    void cutNextUpload() {
        cutUploadNumber(1);
    }

    /** The n-th upload PUT from now on is cut: the connection drops and none of its bytes are kept. */
    void cutUploadNumber(int n) {
        uploads.set(0);
        cutUpload = n;
    }

    /** The next answers on this path (e.g. "/v2/post/publish/video/init/"), before the normal behaviour resumes. */
    void then(String path, MockResponse... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    static MockResponse tiktok(int status, String code, String data) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody("{\"data\":" + data + ",\"error\":{\"code\":\"" + code + "\",\"message\":\""
                        + (code.equals("ok") ? "" : "said by the fake: " + code) + "\",\"log_id\":\"202712345678FAKE\"}}");
    }

    static MockResponse error(int status, String code) {
        return tiktok(status, code, "{}");
    }

    void creator(List<String> options, int maxVideoSeconds, boolean commentsOff) {
        privacyOptions = options;
        maxSeconds = maxVideoSeconds;
        commentDisabled = commentsOff;
    }

    void processingPolls(int polls) {
        processingPolls = polls;
    }

    /** The next post TikTok finishes fails with this fail_reason. */
    void failNextWith(String reason) {
        failWith = reason;
    }

    void revokeAccessToken() {
        liveAccessToken = "revoked";
    }

    int refreshes() {
        return refreshes.get();
    }

    /** The posts TikTok published (PUBLISH_COMPLETE), as a reader would find them on the account. */
    public List<Post> published() {
        return posts.values().stream().filter(p -> p.status.equals("PUBLISH_COMPLETE")).toList();
    }

    public List<Post> posts() {
        return List.copyOf(posts.values());
    }

    List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.getPath() != null && r.getPath().split("\\?")[0].equals(path)).toList();
    }

    List<String> calls() {
        List<String> calls = new ArrayList<>();
        for (RecordedRequest request : requests) {
            calls.add(request.getMethod() + " " + request.getPath().split("\\?")[0]);
        }
        return calls;
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath().split("\\?")[0];
        Queue<MockResponse> script = scripts.get(path);
        MockResponse scripted = script == null ? null : script.poll();
        if (scripted != null) {
            if (path.equals("/upload/")) {
                // a scripted upload answer still counts the bytes that arrived (a cut keeps what came before it)
                receive(request, false);
            }
            return scripted;
        }
        if (path.equals("/v2/oauth/token/")) {
            return refresh(request);
        }
        if (path.equals("/upload/")) {
            if (cutUpload > 0 && uploads.incrementAndGet() == cutUpload) {
                cutUpload = 0;
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
            return receive(request, true);
        }
        if (!("Bearer " + liveAccessToken).equals(request.getHeader("Authorization"))) {
            return error(401, "access_token_invalid");
        }
        try {
            Map<?, ?> body = request.getBodySize() == 0 ? Map.of() : mapper.readValue(request.getBody().clone().readUtf8(), Map.class);
            return switch (path) {
                case "/v2/post/publish/creator_info/query/" -> tiktok(200, "ok", mapper.writeValueAsString(Map.of(
                        "creator_avatar_url", "https://p16.example/avatar.jpg", "creator_username", "xahoaan",
                        "creator_nickname", "Xã Hòa An", "privacy_level_options", privacyOptions,
                        "comment_disabled", commentDisabled, "duet_disabled", false, "stitch_disabled", false,
                        "max_video_post_duration_sec", maxSeconds)));
                case "/v2/post/publish/video/init/" -> init(body);
                case "/v2/post/publish/status/fetch/" -> status(String.valueOf(body.get("publish_id")));
                case "/v2/user/info/" -> !scopes.contains("user.info.stats") ? error(401, "scope_not_authorized")
                        : tiktok(200, "ok", "{\"user\":{\"follower_count\":" + followers + "}}");
                case "/v2/video/query/" -> query(request, body);
                default -> new MockResponse().setResponseCode(404).setBody("no such path " + path);
            };
        } catch (IOException e) {
            return error(400, "invalid_params");
        }
    }

    /** video/query: the counts of up to 20 of the account's videos, the fields asked for in the query string. */
    private MockResponse query(RecordedRequest request, Map<?, ?> body) throws IOException {
        if (!scopes.contains("video.list")) {
            return error(401, "scope_not_authorized");
        }
        String fields = request.getRequestUrl().queryParameter("fields");
        if (!(body.get("filters") instanceof Map<?, ?> filters) || !(filters.get("video_ids") instanceof List<?> ids)
                || ids.isEmpty() || ids.size() > 20 || fields == null) {
            return error(400, "invalid_params");
        }
        List<Map<String, Object>> videos = new ArrayList<>();
        for (Object id : ids) {
            VideoCounts counted = counts.get(String.valueOf(id));
            if (counted != null) {
                Map<String, Object> video = new java.util.LinkedHashMap<>();
                video.put("id", String.valueOf(id));
                Map<String, Long> all = Map.of("view_count", counted.views(), "like_count", counted.likes(),
                        "comment_count", counted.comments(), "share_count", counted.shares());
                for (String field : fields.split(",")) {
                    if (all.containsKey(field)) {
                        video.put(field, all.get(field));
                    }
                }
                videos.add(video);
            }
        }
        return tiktok(200, "ok", mapper.writeValueAsString(Map.of("videos", videos, "cursor", 0, "has_more", false)));
    }

    @SuppressWarnings("unchecked")
    private MockResponse init(Map<?, ?> body) throws IOException {
        Map<String, Object> info = (Map<String, Object>) body.get("post_info");
        Map<String, Object> source = (Map<String, Object>) body.get("source_info");
        if (info == null || source == null || !privacyOptions.contains(String.valueOf(info.get("privacy_level")))) {
            return error(400, info == null ? "invalid_params" : "privacy_level_option_mismatch");
        }
        String kind = String.valueOf(source.get("source"));
        long size = 0;
        if (kind.equals("FILE_UPLOAD")) {
            size = ((Number) source.get("video_size")).longValue();
            long chunk = ((Number) source.get("chunk_size")).longValue();
            long count = ((Number) source.get("total_chunk_count")).longValue();
            boolean whole = size < 5 * MB ? chunk == size && count == 1
                    : chunk >= 5 * MB && chunk <= 64 * MB && count == size / chunk && count >= 1 && count <= 1000;
            if (!whole) {
                return error(400, "invalid_params");
            }
        } else if (!kind.equals("PULL_FROM_URL") || source.get("video_url") == null) {
            return error(400, "invalid_params");
        }
        int n = sequence.incrementAndGet();
        String publishId = "v_pub_file~v2-1." + (7_000_000 + n);
        Post post = new Post(publishId, kind, size, info, kind.equals("PULL_FROM_URL") ? String.valueOf(source.get("video_url")) : null,
                String.valueOf(7_300_000_000_000_000_000L + n));
        if (kind.equals("PULL_FROM_URL")) {
            post.status = "PROCESSING_DOWNLOAD";
        }
        posts.put(publishId, post);
        Map<String, Object> data = new HashMap<>();
        data.put("publish_id", publishId);
        if (kind.equals("FILE_UPLOAD")) {
            data.put("upload_url", baseUrl() + "/upload/?upload_id=" + n + "&upload_token=secret-upload-token-" + n);
        }
        return tiktok(200, "ok", mapper.writeValueAsString(data));
    }

    private MockResponse receive(RecordedRequest request, boolean answer) {
        String id = request.getRequestUrl().queryParameter("upload_id");
        Post post = posts.values().stream().filter(p -> p.publishId.endsWith("." + (7_000_000 + Integer.parseInt(id))))
                .findFirst().orElse(null);
        Matcher range = RANGE.matcher(String.valueOf(request.getHeader("Content-Range")));
        if (post == null || !range.matches() || !"video/mp4".equals(request.getHeader("Content-Type"))) {
            return error(400, "invalid_params");
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        long got = request.getBodySize();
        if (first != post.received || Long.parseLong(range.group(3)) != post.size || got != last - first + 1) {
            // out of order, or the body was cut: nothing of this chunk is kept
            return answer ? new MockResponse().setResponseCode(416) : null;
        }
        post.received += got;
        if (post.received == post.size) {
            post.status = "PROCESSING_DOWNLOAD";
            return new MockResponse().setResponseCode(201);
        }
        return new MockResponse().setResponseCode(206);
    }

    private MockResponse status(String publishId) throws IOException {
        Post post = posts.get(publishId);
        if (post == null) {
            return error(400, "invalid_params");
        }
        Map<String, Object> data = new HashMap<>();
        if (!post.status.equals("PROCESSING_UPLOAD") && !post.status.equals("PUBLISH_COMPLETE") && !post.status.equals("FAILED")
                && ++post.statusCalls > processingPolls) {
            if (failWith != null) {
                post.status = "FAILED";
                post.failReason = failWith;
                failWith = null;
            } else {
                post.status = "PUBLISH_COMPLETE";
            }
        }
        data.put("status", post.status);
        if (post.source.equals("FILE_UPLOAD")) {
            data.put("uploaded_bytes", post.received);
        }
        if (post.failReason != null) {
            data.put("fail_reason", post.failReason);
        }
        if (post.status.equals("PUBLISH_COMPLETE") && !"SELF_ONLY".equals(post.postInfo.get("privacy_level"))) {
            data.put("publicaly_available_post_id", List.of(Long.parseLong(post.postId)));
        }
        return tiktok(200, "ok", mapper.writeValueAsString(data));
    }

    private synchronized MockResponse refresh(RecordedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBody().clone().readUtf8().split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        if (!liveRefreshToken.equals(form.get("refresh_token")) || !"refresh_token".equals(form.get("grant_type"))
                || !CLIENT_KEY.equals(form.get("client_key")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                    .setBody("{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token is invalid or expired.\","
                            + "\"log_id\":\"202712345678OAUTH\"}");
        }
        int n = refreshes.incrementAndGet();
        liveRefreshToken = "tiktok-refresh-" + n;
        liveAccessToken = "act.tiktok-access-" + n;
        return new MockResponse().setHeader("Content-Type", "application/json").setBody("{\"access_token\":\"" + liveAccessToken
                + "\",\"expires_in\":86400,\"open_id\":\"open-id-hoa-an\",\"refresh_expires_in\":31536000,\"refresh_token\":\""
                + liveRefreshToken + "\",\"scope\":\"" + String.join(",", scopes) + "\",\"token_type\":\"Bearer\"}");
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
