package vn.herald.channel.tiktok;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls TikTok's Content Posting API with the channel's access token. Every answer is
 * {@code {"data":{...},"error":{"code":"ok","message":"","log_id":"..."}}}; {@code error.code} decides, the HTTP status
 * only where the body is not such JSON. A rejected token ({@code access_token_invalid}) is refreshed once and the call
 * made once more.
 */
@Singleton
class TikTokApi {

    static final String CREATOR_INFO = "/v2/post/publish/creator_info/query/";
    static final String VIDEO_INIT = "/v2/post/publish/video/init/";
    static final String STATUS_FETCH = "/v2/post/publish/status/fetch/";
    static final String TOKEN_REJECTED = "access_token_invalid";
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    static final MediaType MP4 = MediaType.get("video/mp4");

    /** One answer: {@code code} is TikTok's {@code error.code} ("ok" on success), or null when the body is not TikTok's JSON. */
    record Answer(int status, @Nullable String code, String message, String logId, Map<?, ?> data) {
        boolean ok() {
            return "ok".equals(code);
        }

        @Nullable
        String text(String key) {
            Object value = data.get(key);
            return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
        }
    }

    /** What TikTok says of a post in the making ({@code status/fetch}). */
    record Status(String status, @Nullable String failReason, List<String> postIds, @Nullable Long uploadedBytes) {}

    /** What creator_info says the creator may post now. */
    record Creator(@Nullable String username, List<String> privacyOptions, boolean commentDisabled, boolean duetDisabled,
                   boolean stitchDisabled, int maxSeconds) {}

    private final TikTokTokens tokens;
    private final PlatformHttp http;
    private final JsonMapper json;

    TikTokApi(TikTokTokens tokens, PlatformHttp http, JsonMapper json) {
        this.tokens = tokens;
        this.http = http;
        this.json = json;
    }

    Answer postJson(Channel channel, TikTokSettings settings, String path, Object body) throws IOException {
        String text = json.writeValueAsString(body);
        return call(channel, settings, token -> new Request.Builder().url(settings.baseUrl() + path)
                .header("Authorization", "Bearer " + token).post(RequestBody.create(text, JSON)).build());
    }

    Answer get(Channel channel, TikTokSettings settings, String pathAndQuery) throws IOException {
        return call(channel, settings, token -> new Request.Builder().url(settings.baseUrl() + pathAndQuery)
                .header("Authorization", "Bearer " + token).get().build());
    }

    static Creator creator(Answer answer) {
        Map<?, ?> data = answer.data();
        List<String> options = data.get("privacy_level_options") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new Creator(answer.text("creator_username"), options, Boolean.TRUE.equals(data.get("comment_disabled")),
                Boolean.TRUE.equals(data.get("duet_disabled")), Boolean.TRUE.equals(data.get("stitch_disabled")),
                data.get("max_video_post_duration_sec") instanceof Number n ? n.intValue() : 0);
    }

    static Status status(Answer answer) {
        Map<?, ?> data = answer.data();
        List<String> ids = data.get("publicaly_available_post_id") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new Status(String.valueOf(data.get("status")), answer.text("fail_reason"), ids,
                data.get("uploaded_bytes") instanceof Number n ? n.longValue() : null);
    }

    /**
     * Sends one chunk of the file to the upload URL TikTok gave (the URL carries its own upload token, so no
     * Authorization). Answers the HTTP status: 206 for a chunk taken, 201 when the whole video has arrived.
     */
    int putChunk(TikTokSettings settings, String uploadUrl, Path file, ChunkPlan.Chunk chunk, long total) throws IOException {
        RequestBody body = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MP4;
            }

            @Override
            public long contentLength() {
                return chunk.length();
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] buffer = new byte[64 * 1024];
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(chunk.first());
                    long left = chunk.length();
                    while (left > 0) {
                        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                        if (read < 0) {
                            throw new IOException("the video file ended before byte " + chunk.last());
                        }
                        sink.write(buffer, 0, read);
                        left -= read;
                    }
                }
            }
        };
        Request request = new Request.Builder().url(uploadUrl)
                .header("Content-Range", chunk.contentRange(total))
                .put(body).build();
        return http.exchange(settings.timeouts(), request).status();
    }

    private Answer call(Channel channel, TikTokSettings settings, Function<String, Request> request) throws IOException {
        String token = tokens.accessToken(channel, settings);
        Answer answer = execute(settings, request.apply(token));
        if (TOKEN_REJECTED.equals(answer.code())) {
            token = tokens.afterRejection(channel, settings, token);
            answer = execute(settings, request.apply(token));
        }
        return answer;
    }

    private Answer execute(TikTokSettings settings, Request request) throws IOException {
        PlatformAnswer answer = http.exchange(settings.timeouts(), request);
        Map<?, ?> body = answer.object().orElse(Map.of());
        if (!(body.get("error") instanceof Map<?, ?> error) || error.get("code") == null) {
            return new Answer(answer.status(), null, answer.bodyExcerpt(), "", Map.of());
        }
        Object data = body.get("data");
        return new Answer(answer.status(), String.valueOf(error.get("code")),
                error.get("message") == null ? "" : String.valueOf(error.get("message")),
                error.get("log_id") == null ? "" : String.valueOf(error.get("log_id")),
                data instanceof Map<?, ?> map ? map : Map.of());
    }
}
