package vn.herald.channel.platform;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * The one HTTP client for every platform call (Graph API, Zalo, WordPress, broadcast servers, speech services): one
 * connection pool, Herald's User-Agent, and the channel's own timeouts per call.
 * <p>
 * It never repeats a request by itself: a silently repeated POST could post twice, so every failure goes back to
 * the adapter to classify. It never follows a redirect either: a redirected POST turns into a GET, so the operator
 * must fix the address instead.
 */
@Singleton
public class PlatformHttp {

    private final OkHttpClient base;
    private final JsonMapper json;

    public PlatformHttp(PlatformConfig config, JsonMapper json) {
        this.json = json;
        String userAgent = config.userAgent();
        this.base = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()))
                .build();
    }

    /** The shared client with these timeouts, for a caller that reads the answer as a stream or as bytes. */
    public OkHttpClient client(Timeouts timeouts) {
        return base.newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .build();
    }

    /** Makes the call and reads the whole answer; an answer of any status is an answer, only a lost one throws. */
    public PlatformAnswer exchange(Timeouts timeouts, Request request) throws IOException {
        try (Response response = client(timeouts).newCall(request).execute()) {
            String body = response.body() == null ? "" : response.body().string();
            return new PlatformAnswer(response.code(), response.headers(), body, json);
        }
    }
}
