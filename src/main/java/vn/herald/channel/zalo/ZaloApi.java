package vn.herald.channel.zalo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Calls the Zalo OA Open API with the channel's access token. Every answer is HTTP 200 with {@code error} in the
 * body, so the body decides; an answer that is not such JSON is {@link Unreadable}. A rejected token (-216, -220)
 * is refreshed once and the call made once more.
 */
@Singleton
class ZaloApi {

    static final Set<Integer> TOKEN_REJECTED = Set.of(-216, -220);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** A Zalo answer: {@code error} 0 is success; {@code data} may be empty. */
    record Answer(int error, String message, Map<?, ?> data) {
        boolean ok() {
            return error == 0;
        }

        @Nullable
        String text(String key) {
            Object value = data.get(key);
            return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
        }
    }

    /** The answer could not be read: not JSON, or JSON without Zalo's {@code error} field. */
    static class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final ZaloTokens tokens;
    private final PlatformHttp http;
    private final JsonMapper json;

    ZaloApi(ZaloTokens tokens, PlatformHttp http, JsonMapper json) {
        this.tokens = tokens;
        this.http = http;
        this.json = json;
    }

    Answer postJson(Channel channel, ZaloSettings settings, String path, Object body) throws IOException {
        String text = json.writeValueAsString(body);
        return call(channel, settings, token -> new Request.Builder().url(settings.baseUrl() + path)
                .header("access_token", token).post(RequestBody.create(text, JSON)).build());
    }

    Answer get(Channel channel, ZaloSettings settings, String pathAndQuery) throws IOException {
        return call(channel, settings, token -> new Request.Builder().url(settings.baseUrl() + pathAndQuery)
                .header("access_token", token).get().build());
    }

    Answer upload(Channel channel, ZaloSettings settings, String path, Path file, String fileName, String mediaType)
            throws IOException {
        RequestBody part = RequestBody.create(file.toFile(), MediaType.get(mediaType));
        return call(channel, settings, token -> new Request.Builder().url(settings.baseUrl() + path)
                .header("access_token", token)
                .post(new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("file", fileName, part).build())
                .build());
    }

    private Answer call(Channel channel, ZaloSettings settings, Function<String, Request> request) throws IOException {
        String token = tokens.accessToken(channel, settings);
        Answer answer = execute(settings, request.apply(token));
        if (TOKEN_REJECTED.contains(answer.error())) {
            token = tokens.afterRejection(channel, settings, token);
            answer = execute(settings, request.apply(token));
        }
        return answer;
    }

    private Answer execute(ZaloSettings settings, Request request) throws IOException {
        PlatformAnswer answer = http.exchange(settings.timeouts(), request);
        Map<?, ?> body = answer.object().orElseThrow(() ->
                new Unreadable("HTTP " + answer.status() + " with an answer that is not JSON"));
        if (!(body.get("error") instanceof Number error)) {
            throw new Unreadable("HTTP " + answer.status() + " with JSON that has no 'error' field");
        }
        Object message = body.get("message");
        Object data = body.get("data");
        return new Answer(error.intValue(), message == null ? "" : String.valueOf(message),
                data instanceof Map<?, ?> map ? map : Map.of());
    }
}
