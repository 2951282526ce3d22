package vn.herald.library;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A library with good and broken files: each broken one is named with its line and reason, the rest still imports. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryImportTest implements TestPropertyProvider {

    @Inject Imports imports;
    @Inject Pieces pieces;
    @Inject Channels channels;

    private Path library;

    @Override
    public Map<String, String> getProperties() {
        try {
            library = Files.createTempDirectory("herald-library");
            write("content/articles/good.md", """
                    ---
                    title: Hướng dẫn thanh toán bằng mã QR
                    topics: [Thanh toán không dùng tiền mặt]
                    status: APPROVED
                    ---
                    Bà con **quét mã** tại quầy.
                    """);
            write("content/articles/yaml-broken.md", """
                    ---
                    title: Tin hỏng
                    topics: [Chuyển đổi số
                    status: APPROVED
                    ---
                    Nội dung
                    """);
            write("content/articles/unknown-kind.md", """
                    ---
                    kind: ARTICEL
                    title: Sai loại
                    ---
                    """);
            write("content/radio/no-title.md", """
                    ---
                    summary: Thiếu tiêu đề
                    ---
                    Kính thưa bà con.
                    """);
            write("content/infographics/no-image.md", """
                    ---
                    title: Thiếu ảnh
                    altText: Mô tả
                    image: khong-co.png
                    ---
                    """);
            Files.write(library.resolve("content/articles/latin1.md"),
                    "---\ntitle: Tiếng Việt sai mã\n---\n".getBytes(StandardCharsets.ISO_8859_1));
            write("content/campaigns/bad-date.yml", """
                    code: bad-date
                    name: Ngày không có thật
                    day: "02-30"
                    cadence: {FACEBOOK_PAGE: daily}
                    """);
            write("channels/facebook.yml", """
                    type: FACEBOOK_PAGE
                    mode: dry-run
                    pageId: "123"
                    accessTokenEnv: HERALD_FACEBOOK_PAGE_TOKEN
                    """);
            write("channels/instagram.yml", """
                    type: INSTAGRAM
                    mode: live
                    """);
            write("channels/zalo.yml", """
                    type: ZALO_OA
                    mode: live
                    appSecret: not-a-real-secret-but-written-inline
                    """);
            return Map.of("herald.content-dir", library.resolve("content").toString(),
                    "herald.channels-dir", library.resolve("channels").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Piece good() {
        return pieces.list(new Pieces.Filter(null, null, null, null, null, "thanh toán bằng mã QR"), Pageable.from(0, 5))
                .getContent().get(0);
    }

    @Test
    @Order(1)
    void everyBrokenFileIsReportedWithItsLineAndReasonAndTheGoodOnesAreImported() {
        ImportReport report = imports.latest().orElseThrow();
        List<String> messages = report.problems().stream().map(ImportReport.Problem::message).sorted().toList();

        assertEquals(List.of(
                "channels/instagram.yml:1: 'type' phải là EPORTAL, FACEBOOK_PAGE, ZALO_OA, LOUDSPEAKER, SCREEN, YOUTUBE hoặc TIKTOK, đang là 'INSTAGRAM'",
                "channels/zalo.yml:3: 'appSecret' ghi thẳng một bí mật trong tệp: hãy xóa đi, đặt bí mật vào một biến môi trường và ghi tên biến đó ở 'appSecretEnv'",
                "content/articles/latin1.md: không phải văn bản UTF-8: hãy lưu tệp ở dạng UTF-8",
                "content/articles/unknown-kind.md:2: 'kind' phải là ARTICLE, INFOGRAPHIC, RADIO_SCRIPT hoặc VIDEO, đang là 'ARTICEL'",
                "content/campaigns/bad-date.yml:3: 'day' phải là một ngày trong năm dạng tháng-ngày, ví dụ \"10-10\", đang là '02-30'",
                "content/infographics/no-image.md:4: 'image' ghi 'khong-co.png', tệp này không có trong content/infographics/",
                "content/radio/no-title.md:2: thiếu 'title'"),
                messages.stream().filter(m -> !m.startsWith("content/articles/yaml-broken.md")).toList());
        String yaml = messages.stream().filter(m -> m.startsWith("content/articles/yaml-broken.md")).findFirst().orElseThrow();
        assertTrue(yaml.startsWith("content/articles/yaml-broken.md:4: YAML không hợp lệ") || yaml.startsWith("content/articles/yaml-broken.md:3: YAML không hợp lệ"), yaml);
        assertEquals(8, report.errors());

        assertEquals(2, report.imported(), "good.md and channels/facebook.yml");
        assertEquals("<p>Bà con <strong>quét mã</strong> tại quầy.</p>", good().body().strip());
        assertEquals(ChannelMode.DRY_RUN, channels.get("facebook").mode());
        assertTrue(channels.find("zalo").isEmpty(), "a channel with an inline secret is never stored");
    }

    @Test
    @Order(2)
    void anEditedFileMakesANewRevisionAndAnUnchangedOneNothing() throws IOException {
        write("content/articles/good.md", """
                ---
                title: Hướng dẫn thanh toán bằng mã QR tại chợ
                topics: [Thanh toán không dùng tiền mặt]
                status: APPROVED
                ---
                Bà con quét mã tại quầy, không cần tiền lẻ.
                """);
        ImportReport report = imports.run("test");
        assertEquals(1, report.updated());
        assertEquals(1, report.unchanged(), "channels/facebook.yml");
        Piece piece = good();
        assertEquals(2, piece.revision());
        assertEquals(2, pieces.revisions(piece.id()).size());
    }

    @Test
    @Order(3)
    void aRemovedFileArchivesItsPieceAndPausesItsChannelWithoutDeletingThem() throws IOException {
        long id = good().id();
        Files.delete(library.resolve("content/articles/good.md"));
        Files.delete(library.resolve("channels/facebook.yml"));

        ImportReport report = imports.run("test");

        assertEquals(2, report.archived());
        assertEquals(PieceStatus.ARCHIVED, pieces.get(id).status());
        assertEquals("the file channels/facebook.yml was removed", channels.get("facebook").pausedReason());
    }
}
