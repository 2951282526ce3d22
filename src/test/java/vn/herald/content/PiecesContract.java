package vn.herald.content;

import io.micronaut.data.model.Pageable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.support.Refusal;
import vn.herald.library.ImportReport;
import vn.herald.library.Imports;
import vn.herald.unit.Units;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The content store's behaviour, written once and run on every database. */
abstract class PiecesContract {

    @Inject Pieces pieces;
    @Inject Imports imports;
    @Inject Units units;

    private PieceForm anArticle(String title, List<String> topics) {
        return new PieceForm(PieceKind.ARTICLE, null, title, "Tóm tắt", "<p>Bà con <b>chú ý</b></p><script>alert(1)</script>",
                null, null, null, topics, List.of("Người dân"), List.of("chuyen-doi-so-10-10"), null, "Biên tập viên", null);
    }

    @Test
    void theSeedLibraryIsImportedAtStartAndASecondRunChangesNothing() {
        ImportReport atStart = imports.latest().orElseThrow();
        assertEquals(0, atStart.errors(), () -> "seed library errors: " + atStart.problems());
        int pieceFiles = (int) atStart.files().stream().filter(f -> f.path().startsWith("content/")).count();
        assertTrue(pieceFiles >= 27, "seed pieces and campaigns: " + pieceFiles);

        ImportReport again = imports.run("test");
        assertEquals(0, again.imported() + again.updated() + again.archived() + again.errors(), again::toString);
        assertEquals(atStart.files().size(), again.unchanged());
    }

    @Test
    void everyEditKeepsTheRevisionBeforeIt() {
        Piece piece = pieces.create(anArticle("Hướng dẫn cài đặt VNeID", List.of("VNeID và Đề án 06")), "bien-tap");
        assertFalse(piece.body().contains("script"), piece.body());

        Piece edited = pieces.update(piece.id(), new PieceForm(null, null, "Hướng dẫn cài đặt VNeID mức 2", null, null,
                null, null, null, null, null, null, null, null, 1), "bien-tap");

        assertEquals(2, edited.revision());
        assertEquals("Tóm tắt", edited.summary(), "fields the editor did not send keep their value");
        List<Pieces.Revision> revisions = pieces.revisions(piece.id());
        assertEquals(List.of(1, 2), revisions.stream().map(Pieces.Revision::revision).toList());
        assertEquals("Hướng dẫn cài đặt VNeID", revisions.get(0).content().title());
        assertEquals("Hướng dẫn cài đặt VNeID mức 2", revisions.get(1).content().title());
    }

    @Test
    void anEditFromAnOldRevisionIsRefusedInsteadOfOverwritingANewerOne() {
        Piece piece = pieces.create(anArticle("Thanh toán không dùng tiền mặt ở chợ", List.of()), "bien-tap");
        pieces.update(piece.id(), new PieceForm(null, null, "Bản của người thứ nhất", null, null, null, null, null,
                null, null, null, null, null, 1), "bien-tap");

        Refusal refusal = assertThrows(Refusal.class, () -> pieces.update(piece.id(), new PieceForm(null, null,
                "Bản của người thứ hai", null, null, null, null, null, null, null, null, null, null, 1), "duyet"));

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("Bản của người thứ nhất", pieces.get(piece.id()).title());
    }

    @Test
    void aRejectedPieceGoesBackToDraftWithItsReasonAndTheTrailShowsWhoDidWhat() {
        Piece piece = pieces.create(anArticle("Cảnh giác cuộc gọi giả danh công an", List.of()), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        Piece rejected = pieces.reject(piece.id(), pieces.get(piece.id()).revision(), "Thiếu số điện thoại đường dây nóng", "duyet");
        assertEquals(PieceStatus.DRAFT, rejected.status());
        assertEquals("Thiếu số điện thoại đường dây nóng", rejected.statusReason());

        pieces.submit(piece.id(), "bien-tap");
        assertEquals(PieceStatus.APPROVED, pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet").status());

        List<PieceEvent> trail = pieces.events(piece.id());
        assertEquals(List.of(PieceStatus.DRAFT, PieceStatus.IN_REVIEW, PieceStatus.DRAFT, PieceStatus.IN_REVIEW,
                PieceStatus.APPROVED), trail.stream().map(PieceEvent::toStatus).toList());
        assertEquals(List.of("bien-tap", "bien-tap", "duyet", "bien-tap", "duyet"),
                trail.stream().map(PieceEvent::actor).toList());
    }

    @Test
    void aDraftCannotBeApprovedWithoutReview() {
        Piece piece = pieces.create(anArticle("Nông nghiệp số", List.of()), "bien-tap");
        Refusal refusal = assertThrows(Refusal.class, () -> pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet"));
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
    }

    @Test
    void slugsComeFromTheVietnameseTitleAndStayUniquePerUnit() {
        Piece first = pieces.create(anArticle("Đổi mới sáng tạo ở xã", List.of()), "bien-tap");
        Piece second = pieces.create(anArticle("Đổi mới sáng tạo ở xã", List.of()), "bien-tap");
        assertTrue(first.slug().startsWith("doi-moi-sang-tao-o-xa"), first.slug());
        assertNotEquals(first.slug(), second.slug());
    }

    @Test
    void theListFindsPiecesByTopicCampaignAndVietnameseText() {
        Piece piece = pieces.create(anArticle("Chợ phiên số ở xóm Gò Mít", List.of("Thanh toán không dùng tiền mặt")), "bien-tap");

        var byTopic = pieces.list(new Pieces.Filter(null, null, null, "Thanh toán không dùng tiền mặt", null, null), Pageable.from(0, 200));
        assertTrue(byTopic.getContent().stream().anyMatch(p -> p.id().equals(piece.id())));
        assertTrue(byTopic.getContent().stream().allMatch(p -> p.topics().contains("Thanh toán không dùng tiền mặt")));

        var byText = pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, null, null, null, "xóm gò mít"), Pageable.from(0, 10));
        assertEquals(List.of(piece.id()), byText.getContent().stream().map(Piece::id).toList());

        var byCampaign = pieces.list(new Pieces.Filter(null, null, null, null, "chuyen-doi-so-10-10", null), Pageable.from(0, 2));
        assertEquals(2, byCampaign.getContent().size());
        assertTrue(byCampaign.getTotalSize() > 2, "total counts every match, not the page");
    }

    @Test
    void textTypedWithoutDiacriticsFindsVietnameseWordsInAnyOrderAcrossTitleAndBody() {
        Piece scam = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Cảnh giác lừa đảo ở xóm Khuổi Nọi",
                "Giả danh cán bộ gọi điện", "<p>Bà con buôn bán ở <strong>Chợ Hòa An</strong> hãy báo ngay cho công an xã.</p>",
                null, null, null, List.of(), List.of(), List.of(), null, null, null), "bien-tap");
        Piece other = pieces.create(anArticle("Khuổi Nọi có đường mới", List.of()), "bien-tap");

        assertEquals(List.of(scam.id()), found("lua dao khuoi noi"));
        assertEquals(List.of(scam.id()), found("KHUOI NOI   lua-dao"), "any order, any case, any separator");
        assertEquals(List.of(scam.id()), found("lừa đảo khuổi nọi"), "typed with diacritics it still finds");
        assertEquals(List.of(scam.id()), found("cho hoa an khuoi noi"), "the body's words count, without its markup");
        assertEquals(List.of(), found("lua dao khuoi noi bau"), "every word must occur");
        assertTrue(found("khuoi noi").containsAll(List.of(scam.id(), other.id())));
        assertEquals(List.of(), found("strong khuoi noi"), "markup is not searchable text");
        assertEquals(List.of(), found("khuoi no"), "a word is matched whole: 'no' is not 'noi'");
    }

    @Test
    void anEditIsSearchableAtOnceAndItsOldWordsNoLonger() {
        Piece piece = pieces.create(anArticle("Tiêm phòng dại cho chó ở thôn Phiêng Luông", List.of()), "bien-tap");
        assertEquals(List.of(piece.id()), found("tiem phong phieng luong"));

        pieces.update(piece.id(), new PieceForm(null, null, "Tiêm phòng cúm gia cầm ở thôn Bản Ếch", null, null,
                null, null, null, null, null, null, null, null, 1), "bien-tap");

        assertEquals(List.of(piece.id()), found("tiem phong ban ech"));
        assertEquals(List.of(), found("tiem phong phieng luong"));
    }

    @Test
    void aQueryOfWildcardsAndHostileCharactersMatchesOnlyItsWords() {
        Piece piece = pieces.create(anArticle("Hướng dẫn nộp thuế điện tử ở Lũng Phìn", List.of()), "bien-tap");
        assertEquals(List.of(piece.id()), found("%' -- lũng_phìn \\ thuế;"), "only its words count");
        assertEquals(List.of(), found("'; drop table piece; -- lung phin"));
        assertEquals(List.of(piece.id()), found("lung phin"));
    }

    private List<Long> found(String text) {
        return pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, null, null, null, text), Pageable.from(0, 50))
                .getContent().stream().map(Piece::id).toList();
    }

    @Test
    void aRadioScriptGetsItsReadTimeFromItsSyllables() {
        String script = "Kính thưa bà con ".repeat(45).strip(); // 180 syllables
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Bản tin tuần", null, null, script,
                null, null, null, null, null, null, null, null), "bien-tap");
        assertEquals(60, piece.readSeconds());
    }
}
