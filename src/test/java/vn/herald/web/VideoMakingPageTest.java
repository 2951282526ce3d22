package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.video.ManualVideoExecutor;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The piece page's "Tạo video": one click (a form with its token), the state while it is made, then both videos
 * playing on the page with their Vietnamese captions track, before anyone approves the piece.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoMakingPageTest implements TestPropertyProvider {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject ManualVideoExecutor executor;

    @Override
    public Map<String, String> getProperties() {
        // videos longer than 20 s are refused when stored: the second test's long script fails on it
        return Map.of("herald.test.manual-video-making", "true", "herald.publishing.scheduler-enabled", "false",
                "herald.video.max-seconds", "20", "micronaut.server.port", "-1");
    }

    @Test
    void theEditorMakesTheVideoWithOneClickAndWatchesBothShapesWithCaptionsBeforeApproval() {
        toolsInstalled();
        TestUsers.ensure(accounts);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Chuyển đổi số cho bà con", null, null,
                "Chuyển đổi số: Người dân được hưởng lợi gì?", null, null, List.of(), null, null, null, null, null),
                "bien-tap");
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        Document before = Jsoup.parse(editor.get("/pieces/" + piece.id()).body());
        Element form = before.selectFirst("form[action=/pieces/" + piece.id() + "/videos]");
        assertTrue(form != null && form.text().contains("Tạo video"), before.select("#videos-h").outerHtml());

        HttpResponse<String> clicked = editor.post("/pieces/" + piece.id() + "/videos",
                Map.of("csrfToken", Browser.csrfTokenOf(before.outerHtml())));
        assertEquals(303, clicked.statusCode(), clicked.body());
        assertTrue(clicked.headers().firstValue("Location").orElse("").contains("ok=video"));
        Document making = Jsoup.parse(editor.get("/pieces/" + piece.id() + "?ok=video").body());
        assertEquals(2, making.select(".made-video .status").stream().filter(s -> s.text().equals("Đang tạo video…")).count(),
                making.select(".made-videos").outerHtml());
        assertEquals(0, making.select(".made-video video").size());

        executor.runAll();
        Document ready = Jsoup.parse(editor.get("/pieces/" + piece.id()).body());
        Elements videos = ready.select(".made-video video[controls]");
        assertEquals(2, videos.size(), ready.select(".made-videos").outerHtml());
        for (Element video : videos) {
            assertTrue(video.selectFirst("source").attr("src").startsWith("/media/files/"));
            Element track = video.selectFirst("track[kind=captions][srclang=vi]");
            assertTrue(track != null && track.attr("src").startsWith("/media/files/"), video.outerHtml());
        }
        assertTrue(ready.select(".made-video h3").text().contains("Video dọc 9:16"));
        assertTrue(ready.select(".made-video h3").text().contains("Video ngang 16:9"));
        assertEquals(0, ready.select("#videos-h ~ * [style], script:not([src]), style").size(), "nothing inline (CSP)");
        assertEquals(List.of("Đã tạo xong", "Đã tạo xong"), ready.select(".made-video .status").eachText());
    }

    @Test
    void aVideoThatCannotBeMadeSaysWhyInVietnamese() {
        toolsInstalled();
        TestUsers.ensure(accounts);
        String script = "Kính thưa bà con nhân dân, xã tổ chức tiêm chủng mở rộng cho trẻ em dưới năm tuổi. ".repeat(6);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Thông báo tiêm chủng", null, null,
                script, null, null, List.of(), null, null, null, null, null), "bien-tap");
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/pieces/" + piece.id()).body());
        assertEquals(303, editor.post("/pieces/" + piece.id() + "/videos", Map.of("csrfToken", token)).statusCode());
        executor.runAll();

        Document page = Jsoup.parse(editor.get("/pieces/" + piece.id()).body());
        assertEquals(List.of("Không tạo được video", "Không tạo được video"), page.select(".made-video .status").eachText());
        assertTrue(page.select(".made-video .flash.error").text().contains("Video dài quá mức Herald nhận"),
                page.select(".made-videos").outerHtml());
        assertEquals(0, page.select(".made-video video").size());
    }

    private static void toolsInstalled() {
        boolean ready = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").toFile().canRead();
        for (String tool : List.of("ffmpeg", "ffprobe", "espeak-ng")) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            ready &= found;
        }
        if (!ready) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ffmpeg, espeak-ng or fonts-dejavu-core missing, and under CI=true this test must run");
            }
            Assumptions.abort("SKIPPED VideoMakingPageTest: ffmpeg, espeak-ng or fonts-dejavu-core not installed");
        }
    }
}
