package vn.herald.channel.zalo;

import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

import java.time.Duration;

/** One connection pool for every Zalo call; each channel sets its own timeouts on top of it. */
@Singleton
class ZaloHttp {

    private final OkHttpClient base = new OkHttpClient.Builder()
            // a repeated POST could create a second article: never let OkHttp resend on its own
            .retryOnConnectionFailure(false)
            .build();

    OkHttpClient client(ZaloSettings settings) {
        Duration timeout = settings.timeout();
        return base.newBuilder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .build();
    }
}
