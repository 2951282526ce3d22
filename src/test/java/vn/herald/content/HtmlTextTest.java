package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    private final HtmlText html = new HtmlText();

    private static void assertHarmless(String cleaned) {
        String lower = cleaned.toLowerCase(Locale.ROOT);
        for (String danger : new String[] {"<script", "<iframe", "<svg", "<object", "<embed", "<form", "<style",
                "javascript:", "data:", "onerror", "onload", "onclick", "style=", "alert"}) {
            assertFalse(lower.contains(danger), () -> "'" + danger + "' survived in: " + cleaned);
        }
    }

    @Nested
    class Sanitise {

        @Test
        void aScriptTagIsRemovedAndTheParagraphStays() {
            String cleaned = html.sanitise("<p>Thông báo</p><script>alert(1)</script>");
            assertEquals("<p>Thông báo</p>", cleaned);
        }

        @Test
        void eventHandlersAreRemovedFromImages() {
            String cleaned = html.sanitise("<img src=x onerror=alert(1)><p>Ảnh</p>");
            assertHarmless(cleaned);
            assertTrue(cleaned.contains("<p>Ảnh</p>"), cleaned);
        }

        @Test
        void javascriptLinksLoseTheirTargetButKeepTheirText() {
            assertEquals("<a>Bấm vào</a>", html.sanitise("<a href=\"javascript:alert(1)\">Bấm vào</a>"));
            assertEquals("<a>Bấm</a>", html.sanitise("<a href=\" jAvAsCrIpT:alert(1)\">Bấm</a>"));
            assertEquals("<a>Bấm</a>", html.sanitise("<a href=\"java&#x09;script:alert(1)\">Bấm</a>"));
        }

        @Test
        void framesObjectsFormsAndSvgAreRemoved() {
            String cleaned = html.sanitise("<iframe src=\"https://evil.example\"></iframe>"
                    + "<object data=\"x.swf\"></object><embed src=\"x.swf\">"
                    + "<form action=\"/steal\"><input name=p></form>"
                    + "<svg onload=alert(1)><circle r=\"1\"/></svg><p>Nội dung</p>");
            assertHarmless(cleaned);
            assertEquals("<p>Nội dung</p>", cleaned);
        }

        @Test
        void dataUrlsInImagesAreRemoved() {
            String cleaned = html.sanitise("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Ảnh\">");
            assertHarmless(cleaned);
            assertEquals("<img alt=\"Ảnh\">", cleaned);
        }

        @Test
        void styleAttributesAndStyleTagsAreRemoved() {
            String cleaned = html.sanitise("<style>p{color:red}</style><p style=\"position:fixed\">Chào</p>");
            assertEquals("<p>Chào</p>", cleaned);
        }

        @Test
        void webMailAndRelativeLinksStay() {
            String source = "<a href=\"https://dichvucong.gov.vn\">DVC</a> <a href=\"http://xa.vn\">Xã</a> "
                    + "<a href=\"mailto:vanhoa@xa.vn\">Thư</a> <a href=\"/assets/abc\">Tệp</a>";
            assertEquals(source, html.sanitise(source));
        }

        @Test
        void ftpLinksAreNotKept() {
            assertEquals("<a>Tệp</a>", html.sanitise("<a href=\"ftp://xa.vn/tep\">Tệp</a>"));
        }

        @Test
        void figuresWithImagesAndCaptionsStay() {
            String source = "<figure><img src=\"/assets/abc\" alt=\"Lễ hội\" title=\"Lễ hội 2027\">"
                    + "<figcaption>Lễ hội làng</figcaption></figure>";
            assertEquals(source, html.sanitise(source));
        }

        @Test
        void structureIsKeptAsWritten() {
            String source = "<h2>Tiêu đề</h2>\n<ul><li><strong>Một</strong></li><li><em>Hai</em></li></ul>"
                    + "<blockquote>Trích</blockquote>";
            assertEquals(source, html.sanitise(source));
        }

        @Test
        void nothingGivesAnEmptyString() {
            assertEquals("", html.sanitise(null));
            assertEquals("", html.markdownToHtml(null));
        }
    }

    @Nested
    class Markdown {

        @Test
        void markdownIsRenderedAsHtml() {
            assertEquals("<h1>Tiêu đề</h1>\n<p>Đoạn <em>một</em> và <a href=\"/assets/abc\">tệp</a></p>\n",
                    html.markdownToHtml("# Tiêu đề\n\nĐoạn *một* và [tệp](/assets/abc)\n"));
        }

        @Test
        void rawHtmlAndScriptLinksInMarkdownAreSanitised() {
            String cleaned = html.markdownToHtml("Chào <script>alert(1)</script>\n\n"
                    + "[bấm](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n");
            assertHarmless(cleaned);
            assertTrue(cleaned.contains("<a>bấm</a>"), cleaned);
        }
    }

    @Nested
    class PlainText {

        @Test
        void paragraphsAndHeadingsAreSeparatedByOneBlankLine() {
            String text = html.toPlainText("<h1>Thông báo</h1><p>Đoạn một.</p>\n\n<p>Đoạn hai.</p><h2>Mục</h2><p>Ba</p>");
            assertEquals("Thông báo\n\nĐoạn một.\n\nĐoạn hai.\n\nMục\n\nBa", text);
        }

        @Test
        void whitespaceWithinALineIsCollapsed() {
            assertEquals("Họp lúc 8 giờ tại nhà văn hóa",
                    html.toPlainText("<p>  Họp   lúc\n 8&nbsp;giờ <b>tại</b>  <i>nhà văn hóa</i> </p>"));
        }

        @Test
        void lineBreaksAreKeptButNeverMoreThanOneBlankLine() {
            assertEquals("Dòng một\nDòng hai\n\nDòng ba",
                    html.toPlainText("<p>Dòng một<br>Dòng hai<br><br><br><br>Dòng ba<br></p><br><br>"));
        }

        @Test
        void listItemsBecomeDashLinesAndNestedListsAreIndented() {
            String text = html.toPlainText("<p>Cần mang:</p><ul><li>CCCD</li><li>Điện thoại<ul>"
                    + "<li>đã cài VNeID</li></ul></li></ul><p>Hết.</p>");
            assertEquals("Cần mang:\n\n- CCCD\n- Điện thoại\n  - đã cài VNeID\n\nHết.", text);
        }

        @Test
        void orderedListsAreNumberedFromTheirStart() {
            assertEquals("1. Đăng ký\n2. Xác thực",
                    html.toPlainText("<ol><li>Đăng ký</li><li>Xác thực</li></ol>"));
            assertEquals("3. Ba\n4. Bốn", html.toPlainText("<ol start=\"3\"><li>Ba</li><li>Bốn</li></ol>"));
        }

        @Test
        void paragraphsInsideAListItemStayInTheItem() {
            assertEquals("- Bước một\n  giải thích\n- Bước hai",
                    html.toPlainText("<ul><li><p>Bước một</p><p>giải thích</p></li><li><p>Bước hai</p></li></ul>"));
        }

        @Test
        void linksKeepTheirTextAndLoseTheirAddress() {
            assertEquals("Xem tại Cổng dịch vụ công.",
                    html.toPlainText("<p>Xem tại <a href=\"https://dichvucong.gov.vn\">Cổng dịch vụ công</a>.</p>"));
        }

        @Test
        void blocksAndTableRowsStartNewLines() {
            String text = html.toPlainText("<div>Một</div><div>Hai</div><figure><img src=\"/a.png\">"
                    + "<figcaption>Ảnh: Ban văn hóa</figcaption></figure><blockquote>Trích dẫn</blockquote>"
                    + "<table><tr><th>Thôn</th><th>Số hộ</th></tr><tr><td>Đông</td><td>120</td></tr></table>");
            assertEquals("Một\nHai\n\nẢnh: Ban văn hóa\n\nTrích dẫn\n\nThôn Số hộ\nĐông 120", text);
        }

        @Test
        void scriptsAndStylesAreNotRead() {
            assertEquals("Tin", html.toPlainText("<style>p{}</style><p>Tin</p><script>var x = 1;</script>"));
        }

        @Test
        void vietnameseTextPassesThroughUnchangedInComposedForm() {
            String composed = "Ủy ban nhân dân xã Ea Tu, tỉnh Đắk Lắk: “Bình dân học vụ số”";
            assertEquals(composed, html.toPlainText("<p>" + composed + "</p>"));
            String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
            assertEquals(composed, html.toPlainText("<p>" + decomposed + "</p>"));
        }

        @Test
        void markdownRoundTripsToReadableText() {
            String rendered = html.markdownToHtml("# Lịch tiêm\n\nTừ **thứ Hai**:\n\n1. Thôn Đông\n2. Thôn Tây\n\nLiên hệ [trạm y tế](/lien-he).\n");
            assertEquals("Lịch tiêm\n\nTừ thứ Hai:\n\n1. Thôn Đông\n2. Thôn Tây\n\nLiên hệ trạm y tế.",
                    html.toPlainText(rendered));
        }

        @Test
        void emptyInputGivesEmptyText() {
            assertEquals("", html.toPlainText(null));
            assertEquals("", html.toPlainText("  <p> </p><br>"));
        }
    }
}
