package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pieces page's search box, typed as on a phone keyboard without diacritics. */
@MicronautTest(transactional = false)
class PiecesSearchPageTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    @Test
    void anEditorFindsAPieceTypingWithoutDiacritics() {
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/pieces/new").body());
        editor.post("/pieces", Map.of("kind", "ARTICLE", "title", "Cảnh giác lừa đảo ở bản Khuổi Nọi", "body",
                "<p>Người bán hàng ở <em>Chợ Hòa An</em> hãy cảnh giác.</p>", "csrfToken", token));

        Document found = Jsoup.parse(editor.get("/pieces?text=lua+dao+khuoi+noi").body());
        assertEquals(List.of("Cảnh giác lừa đảo ở bản Khuổi Nọi"), found.select("main table tbody tr td:first-child").eachText());
        assertEquals("lua dao khuoi noi", found.selectFirst("input#text").attr("value"));
        assertEquals(List.of("Cảnh giác lừa đảo ở bản Khuổi Nọi"),
                Jsoup.parse(editor.get("/pieces?text=cho+hoa+an+khuoi+noi").body()).select("main table tbody tr td:first-child").eachText());
    }
}
