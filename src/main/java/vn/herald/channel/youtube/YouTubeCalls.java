package vn.herald.channel.youtube;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import vn.herald.channel.OutgoingRequest;
import vn.herald.support.JsonText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of YouTube Data API v3 that Herald makes, built in one place so that a send and its dry-run preview
 * are the same requests. Each takes the access token last: a 401 is answered by the same request with a new token.
 */
@Singleton
class YouTubeCalls {

    static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    private final JsonMapper json;

    YouTubeCalls(JsonMapper json) {
        this.json = json;
    }

    /** The video resource sent when the session starts: snippet and status, in Vietnamese. */
    String resource(YouTubeVideo video) {
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", video.title());
        snippet.put("description", video.description());
        snippet.put("tags", video.tags());
        snippet.put("categoryId", video.categoryId());
        snippet.put("defaultLanguage", "vi");
        snippet.put("defaultAudioLanguage", "vi");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("privacyStatus", video.privacyStatus());
        status.put("selfDeclaredMadeForKids", video.madeForKids());
        status.put("embeddable", true);
        return JsonText.of(json, Map.of("snippet", snippet, "status", status));
    }

    String sessionStartUrl(YouTubeSettings settings) {
        return settings.uploadUrl() + "/videos?uploadType=resumable&part=snippet,status";
    }

    Request startSession(YouTubeSettings settings, YouTubeVideo video, long size, String token) {
        return new Request.Builder().url(sessionStartUrl(settings))
                .header("Authorization", "Bearer " + token)
                .header("X-Upload-Content-Length", Long.toString(size))
                .header("X-Upload-Content-Type", video.videoType())
                .post(RequestBody.create(resource(video), JSON)).build();
    }

    /** Bytes {@code first..last} of {@code total}, to the session address. */
    Request chunk(String session, byte[] bytes, long first, long total, String videoType, String token) {
        return new Request.Builder().url(session)
                .header("Authorization", "Bearer " + token)
                .header("Content-Range", "bytes " + first + "-" + (first + bytes.length - 1) + "/" + total)
                .put(RequestBody.create(bytes, MediaType.get(videoType))).build();
    }

    /** An empty PUT asking how much of the file the session holds. */
    Request status(String session, long total, String token) {
        return new Request.Builder().url(session)
                .header("Authorization", "Bearer " + token)
                .header("Content-Range", "bytes */" + total)
                .put(RequestBody.create(new byte[0], null)).build();
    }

    String captionsUrl(YouTubeSettings settings) {
        return settings.uploadUrl() + "/captions?uploadType=multipart&part=snippet";
    }

    String captionsResource(YouTubeSettings settings, String videoId) {
        return JsonText.of(json, Map.of("snippet", Map.of("videoId", videoId, "language", "vi",
                "name", settings.captionsName(), "isDraft", false)));
    }

    /** captions.insert: the track's snippet and the WebVTT file, as one multipart/related upload. */
    Request captions(YouTubeSettings settings, String videoId, byte[] vtt, String token) {
        RequestBody body = new MultipartBody.Builder().setType(MediaType.get("multipart/related"))
                .addPart(RequestBody.create(captionsResource(settings, videoId), JSON))
                .addPart(RequestBody.create(vtt, OCTETS)).build();
        return new Request.Builder().url(captionsUrl(settings)).header("Authorization", "Bearer " + token).post(body).build();
    }

    /** captions.list: the caption tracks a video already has. */
    Request captionTracks(YouTubeSettings settings, String videoId, String token) {
        HttpUrl url = HttpUrl.get(settings.apiUrl() + "/captions").newBuilder().addQueryParameter("part", "snippet")
                .addQueryParameter("videoId", videoId).build();
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
    }

    /** channels.list for the authorised account's own channel: its uploads playlist. */
    Request myChannel(YouTubeSettings settings, String token) {
        return new Request.Builder().url(settings.apiUrl() + "/channels?part=contentDetails&mine=true")
                .header("Authorization", "Bearer " + token).get().build();
    }

    /** playlistItems.list: a page of the uploads playlist, newest first. */
    Request uploads(YouTubeSettings settings, String playlistId, @Nullable String pageToken, String token) {
        HttpUrl.Builder url = HttpUrl.get(settings.apiUrl() + "/playlistItems").newBuilder()
                .addQueryParameter("part", "snippet")
                .addQueryParameter("playlistId", playlistId)
                .addQueryParameter("maxResults", "50");
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return new Request.Builder().url(url.build()).header("Authorization", "Bearer " + token).get().build();
    }

    /** videos.list with statistics for up to 50 videos: one quota unit whatever their number. */
    Request statistics(YouTubeSettings settings, List<String> videoIds, String token) {
        HttpUrl url = HttpUrl.get(settings.apiUrl() + "/videos").newBuilder().addQueryParameter("part", "statistics")
                .addQueryParameter("id", String.join(",", videoIds)).addQueryParameter("maxResults", "50").build();
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
    }

    /** channels.list of the authorised account's own channel with its statistics (subscribers): one quota unit. */
    Request myStatistics(YouTubeSettings settings, String token) {
        return new Request.Builder().url(settings.apiUrl() + "/channels?part=statistics&mine=true")
                .header("Authorization", "Bearer " + token).get().build();
    }

    /** The requests of one upload as dry-run shows them: the secrets in the token request's body masked too. */
    List<OutgoingRequest> describe(YouTubeSettings settings, YouTubeVideo video, long size, boolean captions) {
        List<OutgoingRequest> requests = new java.util.ArrayList<>();
        requests.add(new OutgoingRequest("POST", settings.oauthUrl(), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "client_id=***&client_secret=***&refresh_token=***&grant_type=refresh_token"));
        Map<String, String> start = new LinkedHashMap<>();
        start.put("Authorization", "Bearer ***");
        start.put("Content-Type", JSON.toString());
        start.put("X-Upload-Content-Length", Long.toString(size));
        start.put("X-Upload-Content-Type", video.videoType());
        requests.add(new OutgoingRequest("POST", sessionStartUrl(settings), start, resource(video)));
        for (long first = 0; first < size; first += settings.chunkBytes()) {
            long last = Math.min(size, first + settings.chunkBytes()) - 1;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer ***");
            headers.put("Content-Type", video.videoType());
            headers.put("Content-Range", "bytes " + first + "-" + last + "/" + size);
            requests.add(new OutgoingRequest("PUT", "<Location of the session>", headers,
                    "<" + (last - first + 1) + " bytes of video " + video.videoSha256() + ">"));
        }
        if (captions) {
            requests.add(new OutgoingRequest("POST", captionsUrl(settings), Map.of("Authorization", "Bearer ***",
                    "Content-Type", "multipart/related"), captionsResource(settings, "<id of the uploaded video>")
                    + "\n<WebVTT captions " + video.captionsSha256() + ">"));
        }
        return requests;
    }
}
