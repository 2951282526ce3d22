package vn.herald.channel.video;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that makes videos: ffmpeg takes both cores while it encodes, so two at once only make each slower,
 * and a request never waits for it. A bounded queue; past it a video is refused as busy.
 */
@Factory
class VideoMakingExecutor {

    static final String NAME = "video-making";

    @Singleton
    @Named(NAME)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService videoMaking(VideoMakingConfig config) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.queue()),
                runnable -> {
                    Thread thread = new Thread(runnable, "herald-video-making");
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
