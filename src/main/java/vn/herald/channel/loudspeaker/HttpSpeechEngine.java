package vn.herald.channel.loudspeaker;

import jakarta.inject.Singleton;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.Secrets;
import vn.herald.channel.platform.Timeouts;

import java.io.IOException;
import java.time.Duration;

/**
 * A text-to-speech service over HTTP, named in the channel file ({@code tts.url}): Herald POSTs the script as UTF-8
 * text and takes the answer's body as the audio (WAV, MP3 or OGG, recognised by its bytes).
 */
@Singleton
public class HttpSpeechEngine implements SpeechEngine {

    private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

    private final PlatformHttp http;
    private final Secrets secrets;

    HttpSpeechEngine(PlatformHttp http, Secrets secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public LoudspeakerSettings.SpeechEngineKind kind() {
        return LoudspeakerSettings.SpeechEngineKind.HTTP;
    }

    @Override
    public byte[] speak(String text, LoudspeakerSettings.Speech speech) throws SpeechException {
        String url = speech.url().orElseThrow(() -> new SpeechException("thiếu 'tts.url'")).toString();
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(text, TEXT))
                .header("Accept", "audio/wav, audio/mpeg, audio/ogg");
        if (speech.tokenEnv().isPresent()) {
            String token = secrets.get(speech.tokenEnv().get()).orElseThrow(() ->
                    new SpeechException("biến môi trường " + speech.tokenEnv().get() + " chưa được đặt"));
            request.header("Authorization", "Bearer " + token);
        }
        // audio is read as bytes, whole: a minute between two reads, the channel's own limit in all
        OkHttpClient client = http.client(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(speech.timeoutSeconds())));
        try (Response response = client.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new SpeechException("dịch vụ giọng đọc trả lời HTTP " + response.code());
            }
            byte[] audio = response.body() == null ? new byte[0] : response.body().bytes();
            if (audio.length == 0) {
                throw new SpeechException("dịch vụ giọng đọc trả về nội dung rỗng");
            }
            return audio;
        } catch (IOException e) {
            throw new SpeechException("không gọi được dịch vụ giọng đọc: " + e.getMessage());
        }
    }
}
