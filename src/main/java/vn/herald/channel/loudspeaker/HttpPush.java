package vn.herald.channel.loudspeaker;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.Secrets;
import vn.herald.channel.platform.Timeouts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pushes programmes to a broadcast server: {@code PUT <pushUrl>/stations/<station>/sessions/<session>} as
 * multipart/form-data with the parts {@code manifest}, {@code playlist} and one {@code file} per audio file or
 * script (named as in the playlist). The address carries the session, so sending again replaces it.
 */
@Singleton
public class HttpPush {

    /** A programme carries its audio: minutes to upload in all, a minute between two reads. */
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofMinutes(5));

    private final PlatformHttp http;
    private final Secrets secrets;
    private final JsonMapper json;
    private final Clock clock;

    HttpPush(PlatformHttp http, Secrets secrets, JsonMapper json, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    HttpUrl sessionUrl(LoudspeakerSettings settings, LoudspeakerSettings.Station station, String session) {
        HttpUrl base = HttpUrl.get(settings.pushUrl().orElseThrow().toString());
        return base.newBuilder().addPathSegment("stations").addPathSegment(station.code())
                .addPathSegment("sessions").addPathSegment(session).build();
    }

    /** Sends to every station; the first answer that is not a success decides the result. */
    public SendResult deliver(LoudspeakerSettings settings, Programme programme) {
        Optional<String> token = token(settings);
        if (settings.pushTokenEnv().isPresent() && token.isEmpty()) {
            return new SendResult.NeedsAttention("biến môi trường " + settings.pushTokenEnv().get()
                    + " (khóa của máy chủ phát sóng) chưa được đặt");
        }
        String firstUrl = null;
        for (LoudspeakerSettings.Station station : settings.stations()) {
            HttpUrl url = sessionUrl(settings, station, programme.id());
            ProgrammeFiles files = ProgrammeFiles.of(programme, station, clock.instant(), json);
            Request.Builder request = new Request.Builder().url(url).put(body(files));
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            try {
                Optional<SendResult> failure = classify(http.exchange(TIMEOUTS, request.build()), station);
                if (failure.isPresent()) {
                    return failure.get();
                }
            } catch (IOException e) {
                // the address names the session, so sending again replaces whatever may have arrived
                return new SendResult.RetryLater(Optional.empty(), "máy chủ phát sóng không trả lời ("
                        + station.code() + "): " + e.getMessage());
            }
            firstUrl = firstUrl == null ? url.toString() : firstUrl;
        }
        return new SendResult.Sent(programme.id(), firstUrl);
    }

    /** The requests a send would make, for dry-run: the manifest stands for the files. */
    public List<OutgoingRequest> preview(LoudspeakerSettings settings, Programme programme) {
        List<OutgoingRequest> requests = new ArrayList<>();
        for (LoudspeakerSettings.Station station : settings.stations()) {
            ProgrammeFiles files = ProgrammeFiles.of(programme, station, clock.instant(), json);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "multipart/form-data");
            settings.pushTokenEnv().ifPresent(env -> headers.put("Authorization", "Bearer $" + env));
            String manifest = files.files().stream().filter(f -> f.name().equals(ProgrammeFiles.MANIFEST)).findFirst()
                    .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElse("");
            requests.add(new OutgoingRequest("PUT", sessionUrl(settings, station, programme.id()).toString(), headers, manifest));
        }
        return requests;
    }

    private static RequestBody body(ProgrammeFiles files) {
        MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (ProgrammeFiles.OutFile file : files.files()) {
            MediaType type = MediaType.get(file.mediaType());
            RequestBody part = file.source() != null ? RequestBody.create(file.source().toFile(), type)
                    : RequestBody.create(file.bytes(), type);
            String field = switch (file.name()) {
                case ProgrammeFiles.MANIFEST -> "manifest";
                case ProgrammeFiles.PLAYLIST -> "playlist";
                default -> "file";
            };
            body.addFormDataPart(field, file.name(), part);
        }
        return body.build();
    }

    private Optional<SendResult> classify(PlatformAnswer answer, LoudspeakerSettings.Station station) {
        if (answer.successful()) {
            return Optional.empty();
        }
        int code = answer.status();
        String where = "máy chủ phát sóng (" + station.code() + ") trả lời HTTP " + code;
        if (code == 401 || code == 403) {
            return Optional.of(new SendResult.NeedsAttention(where + ": khóa truy cập sai hoặc hết hạn"));
        }
        if (code == 408 || code == 429 || code >= 500) {
            return Optional.of(new SendResult.RetryLater(answer.retryAfter(clock.instant()), where));
        }
        String text = answer.body();
        return Optional.of(new SendResult.Permanent(where + ": " + (text.length() > 300 ? text.substring(0, 300) : text)));
    }

    private Optional<String> token(LoudspeakerSettings settings) {
        return settings.pushTokenEnv().flatMap(secrets::get);
    }
}
