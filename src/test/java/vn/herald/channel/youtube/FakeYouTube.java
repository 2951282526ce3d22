package vn.herald.channel.youtube;

import io.micronaut.serde.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YouTube Data API v3 and Google's OAuth token endpoint on loopback, answering the documented shapes: the token
 * endpoint's JSON, the resumable upload protocol (Location, 308 with Range, the empty status PUT, the video resource
 * when done, 404 for an expired session), captions.insert as multipart/related, channels.list mine and
 * playlistItems.list, and Google's error bodies. Access tokens are checked on every call.
 */
public class FakeYouTube implements AutoCloseable {

    public static final String CLIENT_ID = "1234-herald.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "GOCSPX-client-secret";
    public static final String REFRESH_TOKEN = "1//refresh-token-of-hoa-an";
    static final String UPLOADS = "UU-hoa-an-uploads";
    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    public record Video(String id, String title, String description, String privacy, boolean madeForKids, List<String> tags,
                 String categoryId, byte[] bytes, Instant publishedAt) {}

    public record Captions(String videoId, String language, String name, String file) {}

    private static final class Session {
        final String id;
        final String resource;
        final long total;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile Video video;
        volatile boolean expired;

        Session(String id, String resource, long total) {
            this.id = id;
            this.resource = resource;
            this.total = total;
        }
    }

    /** What the next matching request meets instead of the normal answer. */
    enum Trouble { CUT_HALF_CHUNK, SERVER_ERROR, STALE_TOKEN, CUT_AFTER_LAST_CHUNK, QUOTA_EXCEEDED, UPLOAD_LIMIT, INVALID_TITLE, CAPTIONS_FAIL,
        /** The next statistics read (videos.list or channels.list) meets quotaExceeded. */
        READ_QUOTA_EXCEEDED }

    /** A video's counts as videos.list gives them. */
    record Statistics(long views, long likes, long comments) {}

    private final MockWebServer server = new MockWebServer();
    private final Supplier<Instant> now;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Video> videos = new CopyOnWriteArrayList<>();
    private final List<Captions> captions = new CopyOnWriteArrayList<>();
    private final Map<String, Statistics> statistics = new ConcurrentHashMap<>();
    private final List<RecordedRequest> statisticsReads = new CopyOnWriteArrayList<>();
    private volatile long subscribers;
    private volatile boolean subscribersHidden;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Queue<Trouble> troubles = new ConcurrentLinkedQueue<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile boolean revoked;

    public FakeYouTube(Supplier<Instant> now) {
        this.now = now;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (FakeYouTube.this) {
                    calls.add(request.getMethod() + " " + request.getRequestUrl().encodedPath()
                            + (request.getHeader("Content-Range") == null ? "" : " " + request.getHeader("Content-Range")));
                    return answer(request);
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    void trouble(Trouble... next) {
        troubles.addAll(List.of(next));
    }

    void revoke() {
        revoked = true;
    }

    /** Google forgets every open session, as it does about a week after it was started. */
    void expireSessions() {
        sessions.values().forEach(session -> session.expired = true);
    }

    /** A video the channel has (uploaded by Herald or not) with its counts. */
    void statistics(String videoId, Statistics counted) {
        statistics.put(videoId, counted);
    }

    void subscribers(long count, boolean hidden) {
        subscribers = count;
        subscribersHidden = hidden;
    }

    /** The statistics reads received (videos.list, channels.list with part=statistics), in order. */
    List<RecordedRequest> statisticsReads() {
        return List.copyOf(statisticsReads);
    }

    void reset() {
        troubles.clear();
        statistics.clear();
        statisticsReads.clear();
        subscribers = 0;
        subscribersHidden = false;
        calls.clear();
        revoked = false;
    }

    public List<Video> videos() {
        return List.copyOf(videos);
    }

    public List<Captions> captions() {
        return List.copyOf(captions);
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    int refreshes() {
        return refreshes.get();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    private MockResponse answer(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        if (path.equals("/token")) {
            return token(request);
        }
        if (!authorised(request)) {
            return error(401, "authError", "Invalid Credentials");
        }
        if (request.getMethod().equals("POST") && path.equals("/upload/youtube/v3/videos")) {
            return start(request);
        }
        if (request.getMethod().equals("PUT") && path.equals("/upload/youtube/v3/videos")) {
            return put(request, sessions.get(url.queryParameter("upload_id")));
        }
        if (request.getMethod().equals("POST") && path.equals("/upload/youtube/v3/captions")) {
            return captions(request);
        }
        if (request.getMethod().equals("GET") && path.equals("/youtube/v3/captions")) {
            String videoId = url.queryParameter("videoId");
            StringBuilder items = new StringBuilder();
            for (Captions track : captions) {
                if (track.videoId().equals(videoId)) {
                    items.append(items.isEmpty() ? "" : ",").append("{\"kind\":\"youtube#caption\",\"id\":\"cap-")
                            .append(videoId).append("\",\"snippet\":{\"videoId\":\"").append(videoId)
                            .append("\",\"language\":\"").append(track.language()).append("\",\"name\":")
                            .append(quote(track.name())).append("}}");
                }
            }
            return json(200, "{\"kind\":\"youtube#captionListResponse\",\"items\":[" + items + "]}");
        }
        if (request.getMethod().equals("GET") && (path.equals("/youtube/v3/videos")
                || path.equals("/youtube/v3/channels") && "statistics".equals(url.queryParameter("part")))) {
            return statisticsOf(request, url);
        }
        if (path.equals("/youtube/v3/channels") && "true".equals(url.queryParameter("mine"))) {
            return json(200, "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":"
                    + "\"UC-hoa-an\",\"contentDetails\":{\"relatedPlaylists\":{\"likes\":\"\",\"uploads\":\"" + UPLOADS + "\"}}}]}");
        }
        if (path.equals("/youtube/v3/playlistItems") && UPLOADS.equals(url.queryParameter("playlistId"))) {
            return uploads();
        }
        return error(404, "notFound", "no such fake endpoint " + path);
    }

    private MockResponse token(RecordedRequest request) {
        Map<String, String> form = form(request.getBody().readUtf8());
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
        }
        if (revoked || !REFRESH_TOKEN.equals(form.get("refresh_token")) || !"refresh_token".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
        }
        String token = "ya29.access-" + refreshes.incrementAndGet();
        validTokens.add(token);
        return json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"scope\":\"https://www.googleapis.com/auth/"
                + "youtube.upload https://www.googleapis.com/auth/youtube.force-ssl\",\"token_type\":\"Bearer\"}");
    }

    private boolean authorised(RecordedRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ") || !validTokens.contains(header.substring(7))) {
            return false;
        }
        if (troubles.peek() == Trouble.STALE_TOKEN) {
            troubles.poll();
            validTokens.remove(header.substring(7));
            return false;
        }
        return true;
    }

    private MockResponse start(RecordedRequest request) {
        Trouble trouble = troubles.peek();
        if (trouble == Trouble.QUOTA_EXCEEDED || trouble == Trouble.UPLOAD_LIMIT || trouble == Trouble.INVALID_TITLE) {
            troubles.poll();
            return switch (trouble) {
                case QUOTA_EXCEEDED -> error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
                case UPLOAD_LIMIT -> error(400, "uploadLimitExceeded", "The user has exceeded the number of videos they may upload.");
                default -> error(400, "invalidTitle", "The request metadata specifies an invalid video title.");
            };
        }
        String id = "session-" + sequence.incrementAndGet();
        sessions.put(id, new Session(id, request.getBody().readUtf8(), Long.parseLong(request.getHeader("X-Upload-Content-Length"))));
        return new MockResponse().setResponseCode(200)
                .setHeader("Location", url("/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + id)).setBody("");
    }

    private MockResponse put(RecordedRequest request, Session session) {
        if (session == null || session.expired) {
            return error(404, "notFound", "The upload session was not found or has expired.");
        }
        String range = request.getHeader("Content-Range");
        byte[] bytes = request.getBody().readByteArray();
        if (range != null && range.startsWith("bytes */")) {
            return progress(session);
        }
        Matcher parts = range == null ? null : RANGE.matcher(range);
        if (parts == null || !parts.matches() || Long.parseLong(parts.group(3)) != session.total) {
            return error(400, "badContent", "Bad Content-Range " + range);
        }
        if (Long.parseLong(parts.group(1)) != session.received.size()) {
            return progress(session); // a chunk from the wrong offset is not kept; the 308 says where the server is
        }
        Trouble trouble = troubles.peek();
        if (trouble == Trouble.SERVER_ERROR) {
            troubles.poll();
            return error(503, "backendError", "Backend Error");
        }
        if (trouble == Trouble.CUT_HALF_CHUNK) {
            troubles.poll();
            session.received.write(bytes, 0, bytes.length / 2);
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
        }
        session.received.write(bytes, 0, bytes.length);
        if (session.received.size() == session.total) {
            session.video = publish(session);
            if (trouble == Trouble.CUT_AFTER_LAST_CHUNK) {
                troubles.poll();
                return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
            }
        }
        return progress(session);
    }

    private MockResponse progress(Session session) {
        if (session.video != null) {
            Video video = session.video;
            return json(200, "{\"kind\":\"youtube#video\",\"id\":\"" + video.id() + "\",\"snippet\":{\"title\":"
                    + quote(video.title()) + "},\"status\":{\"uploadStatus\":\"uploaded\",\"privacyStatus\":\"" + video.privacy() + "\"}}");
        }
        MockResponse incomplete = new MockResponse().setResponseCode(308).setBody("");
        if (session.received.size() > 0) {
            incomplete.setHeader("Range", "bytes=0-" + (session.received.size() - 1));
        }
        return incomplete;
    }

    @SuppressWarnings("unchecked")
    private Video publish(Session session) {
        Map<String, Object> resource = read(session.resource);
        Map<String, Object> snippet = (Map<String, Object>) resource.get("snippet");
        Map<String, Object> status = (Map<String, Object>) resource.get("status");
        Video video = new Video("vid" + sequence.incrementAndGet() + "AbCdE", (String) snippet.get("title"),
                (String) snippet.get("description"), (String) status.get("privacyStatus"),
                Boolean.TRUE.equals(status.get("selfDeclaredMadeForKids")), (List<String>) snippet.get("tags"),
                (String) snippet.get("categoryId"), session.received.toByteArray(), now.get());
        videos.add(video);
        return video;
    }

    @SuppressWarnings("unchecked")
    private MockResponse captions(RecordedRequest request) {
        if (troubles.peek() == Trouble.CAPTIONS_FAIL) {
            troubles.poll();
            return error(403, "forbidden", "The permissions associated with the request are not sufficient to upload the caption track.");
        }
        String type = request.getHeader("Content-Type");
        String body = request.getBody().readUtf8();
        if (type == null || !type.startsWith("multipart/related; boundary=")) {
            return error(400, "invalidMetadata", "expected multipart/related");
        }
        String boundary = "--" + type.substring(type.indexOf('=') + 1);
        String[] parts = body.split(Pattern.quote(boundary));
        Map<String, Object> resource = read(parts[1].substring(parts[1].indexOf("\r\n\r\n") + 4).strip());
        Map<String, Object> snippet = (Map<String, Object>) resource.get("snippet");
        String videoId = (String) snippet.get("videoId");
        if (videos.stream().noneMatch(video -> video.id().equals(videoId))) {
            return error(404, "videoNotFound", "The video could not be found.");
        }
        String file = parts[2].substring(parts[2].indexOf("\r\n\r\n") + 4).strip();
        captions.add(new Captions(videoId, (String) snippet.get("language"), (String) snippet.get("name"), file));
        return json(200, "{\"kind\":\"youtube#caption\",\"id\":\"cap-" + videoId + "\",\"snippet\":{\"videoId\":\"" + videoId
                + "\",\"language\":\"vi\"}}");
    }

    private MockResponse uploads() {
        List<Video> newest = new ArrayList<>(videos);
        newest.sort(Comparator.comparing(Video::publishedAt).reversed());
        StringBuilder items = new StringBuilder();
        for (Video video : newest) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("{\"kind\":\"youtube#playlistItem\",\"snippet\":{\"publishedAt\":\"").append(video.publishedAt())
                    .append("\",\"title\":").append(quote(video.title())).append(",\"description\":")
                    .append(quote(video.description())).append(",\"playlistId\":\"").append(UPLOADS)
                    .append("\",\"resourceId\":{\"kind\":\"youtube#video\",\"videoId\":\"").append(video.id()).append("\"}}}");
        }
        return json(200, "{\"kind\":\"youtube#playlistItemListResponse\",\"items\":[" + items + "],\"pageInfo\":{\"totalResults\":"
                + newest.size() + ",\"resultsPerPage\":50}}");
    }

    private MockResponse statisticsOf(RecordedRequest request, HttpUrl url) {
        statisticsReads.add(request);
        if (troubles.peek() == Trouble.READ_QUOTA_EXCEEDED) {
            troubles.poll();
            return error(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.");
        }
        if (url.encodedPath().equals("/youtube/v3/channels")) {
            return json(200, "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":"
                    + "\"UC-hoa-an\",\"statistics\":{\"viewCount\":\"98765\"," + (subscribersHidden ? ""
                    : "\"subscriberCount\":\"" + subscribers + "\",") + "\"hiddenSubscriberCount\":" + subscribersHidden
                    + ",\"videoCount\":\"" + statistics.size() + "\"}}]}");
        }
        String ids = url.queryParameter("id");
        if (ids == null || ids.split(",").length > 50) {
            return error(400, "invalidFilters", "The id parameter takes at most 50 ids.");
        }
        StringBuilder items = new StringBuilder();
        int found = 0;
        for (String id : ids.split(",")) {
            Statistics counted = statistics.get(id);
            if (counted != null) {
                found++;
                items.append(items.isEmpty() ? "" : ",").append("{\"kind\":\"youtube#video\",\"id\":\"").append(id)
                        .append("\",\"statistics\":{\"viewCount\":\"").append(counted.views()).append("\",\"likeCount\":\"")
                        .append(counted.likes()).append("\",\"favoriteCount\":\"0\",\"commentCount\":\"")
                        .append(counted.comments()).append("\"}}");
            }
        }
        return json(200, "{\"kind\":\"youtube#videoListResponse\",\"items\":[" + items + "],\"pageInfo\":{\"totalResults\":"
                + found + ",\"resultsPerPage\":50}}");
    }

    private static MockResponse error(int code, String reason, String message) {
        return json(code, "{\"error\":{\"code\":" + code + ",\"message\":" + quote(message) + ",\"errors\":[{\"message\":"
                + quote(message) + ",\"domain\":\"youtube\",\"reason\":\"" + reason + "\"}]}}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json; charset=UTF-8").setBody(body);
    }

    private static String quote(String text) {
        return write(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
