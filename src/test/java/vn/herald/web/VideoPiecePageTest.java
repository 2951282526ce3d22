package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Asset;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The editor's piece page of a video piece: the player with its captions, and the video and captions upload roles. */
@MicronautTest(transactional = false)
class VideoPiecePageTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;

    @Test
    void theEditorPreviewsTheVideoWithItsCaptions() throws Exception {
        String path = System.getenv("PATH") == null ? "" : System.getenv("PATH");
        if (Arrays.stream(path.split(File.pathSeparator)).noneMatch(dir -> Files.isExecutable(Path.of(dir, "ffmpeg")))) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ffmpeg is not installed, and under CI=true the video test must run (.ci/run installs it)");
            }
            String message = "SKIPPED VideoPiecePageTest: ffmpeg is not installed (apt-get install ffmpeg; it runs under CI=true)";
            System.err.println("*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
            Assumptions.abort(message);
        }
        TestUsers.ensure(accounts);
        Path clip = Files.createTempFile("herald-page", ".mp4");
        Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i",
                "testsrc=duration=1:size=160x120:rate=10", "-c:v", "libx264", "-pix_fmt", "yuv420p", clip.toString()))
                .redirectErrorStream(true).start();
        assertTrue(ffmpeg.waitFor(120, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0, new String(ffmpeg.getInputStream().readAllBytes()));

        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, "Video hướng dẫn thanh toán QR", null,
                "<p>Ba bước thanh toán bằng mã QR.</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap");
        Asset video = pieces.attach(piece.id(), AssetRole.VIDEO, Files.newInputStream(clip), "qr.mp4", null, "bien-tap").asset();
        Asset captions = pieces.attach(piece.id(), AssetRole.CAPTIONS, new ByteArrayInputStream(
                "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nQuét mã QR\n".getBytes(StandardCharsets.UTF_8)), "qr.vtt", null,
                "bien-tap").asset();

        Browser editor = new Browser(server.getURI());
        assertEquals(303, editor.logIn("bien-tap", TestUsers.PASSWORD).statusCode());
        HttpResponse<String> response = editor.get("/pieces/" + piece.id());
        assertEquals(200, response.statusCode(), response.body());
        Document page = Jsoup.parse(response.body());
        Element player = page.selectFirst("video[controls]");
        assertNotNull(player, "the page previews the video");
        assertEquals("/media/files/" + video.sha256(), player.selectFirst("source").attr("src"));
        Element track = player.selectFirst("track[kind=captions]");
        assertEquals("vi", track.attr("srclang"));
        assertEquals("/media/files/" + captions.sha256(), track.attr("src"));
        List<String> roles = page.select("select[name=role] option").eachAttr("value");
        assertTrue(roles.containsAll(List.of("VIDEO", "CAPTIONS", "COVER")), roles.toString());
        assertEquals(200, editor.get("/media/files/" + video.sha256()).statusCode());
    }
}
