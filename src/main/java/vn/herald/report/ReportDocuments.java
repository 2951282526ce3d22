package vn.herald.report;

import jakarta.inject.Singleton;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import vn.herald.content.CleanText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reports as Word documents in the layout of Vietnamese administrative documents (Decree 30/2020/ND-CP): the issuing
 * unit and the national motto side by side, the place and date, a centred title, numbered sections and tables, Times
 * New Roman 13 on A4. This is the file units send upward.
 */
@Singleton
class ReportDocuments {

    private static final String FONT = "Times New Roman";
    private static final int SIZE = 13;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    // twentieths of a point: A4, and margins of 20 mm top and bottom, 30 mm left, 15 mm right
    private static final long A4_WIDTH = 11906;
    private static final long A4_HEIGHT = 16838;
    private static final long MM = 57;

    byte[] report(Report report) {
        ZoneId zone = ZoneId.of(report.unit().zone());
        try (XWPFDocument doc = document()) {
            List<String> issuer = new ArrayList<>();
            if (report.unit().parentName() != null) {
                issuer.add(upper(report.unit().parentName()));
            }
            issuer.add(upper(report.unit().name()));
            issuer.add(Letterhead.CENTRE);
            head(doc, issuer, Letterhead.dateLine(report.unit().name(), LocalDate.ofInstant(report.generatedAt(), zone)));
            title(doc, "BÁO CÁO", "Kết quả thông tin, tuyên truyền " + report.period().title(), report.period());

            Report.Totals totals = report.totals();
            heading(doc, "I. Kết quả chung");
            table(doc, List.of("Nội dung", "Số lượng"), List.of(
                    List.of("Tin, bài đã đăng, phát", String.valueOf(totals.published())),
                    List.of("Mục chạy thử (chưa gửi thật)", String.valueOf(totals.dryRun())),
                    List.of("Tin, bài gặp sự cố khi gửi", String.valueOf(totals.failures())),
                    List.of("Thời lượng phát trên loa truyền thanh", totals.loudspeakerTime()
                            + (totals.loudspeakerItemsWithoutDuration() == 0 ? ""
                            : " (" + totals.loudspeakerItemsWithoutDuration() + " mục chưa rõ thời lượng)"))));

            heading(doc, "II. Số lượng theo kênh");
            table(doc, List.of("TT", "Kênh", "Đã đăng", "Chạy thử"), numbered(report.byChannel().stream()
                    .map(c -> List.of(c.name(), String.valueOf(c.published()), String.valueOf(c.dryRun()))).toList()));
            if (!report.byChannelType().isEmpty()) {
                table(doc, List.of("TT", "Loại kênh", "Đã đăng"), numbered(report.byChannelType().stream()
                        .map(c -> List.of(c.label(), String.valueOf(c.count()))).toList()));
            }

            heading(doc, "III. Theo loại nội dung, chủ đề và đối tượng");
            for (ReportPages.Group group : List.of(new ReportPages.Group("Loại nội dung", report.byKind()),
                    new ReportPages.Group("Chủ đề", report.byTopic()), new ReportPages.Group("Đối tượng", report.byAudience()))) {
                table(doc, List.of("TT", group.title(), "Số lượng"), numbered(group.counts().stream()
                        .map(c -> List.of(c.label(), String.valueOf(c.count()))).toList()));
            }

            heading(doc, "IV. Thực hiện tần suất hằng tuần");
            table(doc, List.of("TT", "Kênh", "Yêu cầu/tuần", "Số tuần đạt", "Tỷ lệ", "Các tuần không đạt"),
                    numbered(report.cadence().stream().map(c -> List.of(c.channelName(), String.valueOf(c.perWeek()),
                            c.weeksMet() + "/" + c.weeksChecked(), c.percentMet() + "%", String.join(", ", c.weeksMissed()))).toList()));

            heading(doc, "V. Các đợt tuyên truyền cao điểm");
            table(doc, List.of("TT", "Đợt", "Kênh", "Kế hoạch", "Đã đăng"), numbered(report.campaigns().stream()
                    .map(c -> List.of(c.campaign(), c.channelName(), String.valueOf(c.planned()), String.valueOf(c.published()))).toList()));

            heading(doc, "VI. Sự cố khi gửi và kết quả xử lý");
            table(doc, List.of("TT", "Tin, bài", "Kênh", "Dự kiến", "Kết quả"), numbered(report.failures().stream()
                    .map(f -> List.of(f.title(), f.channelName(), MINUTE.format(f.plannedAt().atZone(zone)), f.endingLabel())).toList()));

            heading(doc, "VII. Danh sách tin, bài đã đăng, phát");
            table(doc, List.of("TT", "Tin, bài", "Kênh", "Thời gian", "Liên kết"), numbered(report.published().stream()
                    .map(p -> List.of(p.title(), p.channelName(), MINUTE.format(p.plannedAt().atZone(zone)),
                            p.url() == null ? "" : p.url())).toList()));

            heading(doc, "VIII. Kết quả thực hiện theo nhiệm vụ của kế hoạch");
            paragraph(doc, report.reach().sentence());
            if (report.reach().basis() != null) {
                paragraph(doc, report.reach().basis());
            }
            if (report.plans().isEmpty()) {
                run(doc.createParagraph(), "Đơn vị không thực hiện kế hoạch nào trong kỳ này.", false, true, false);
            }
            int planNumber = 0;
            for (Report.PlanSection plan : report.plans()) {
                planNumber++;
                heading(doc, planNumber + ". Kế hoạch số " + plan.number() + ": " + plan.title());
                if (!plan.targets().isEmpty()) {
                    paragraph(doc, "Chỉ tiêu của kế hoạch:");
                    table(doc, List.of("TT", "Chỉ tiêu", "Mục tiêu", "Thời hạn", "Kết quả", "Đánh giá"), numbered(plan.targets().stream()
                            .map(t -> List.of(t.title(), t.goalPercent() == null ? "" : t.goalPercent() + "%",
                                    t.by() == null ? "" : DAY.format(t.by()), t.achieved() == null ? "" : t.achieved(), t.verdict()))
                            .toList()));
                }
                int taskNumber = 0;
                for (Report.TaskSection task : plan.tasks()) {
                    taskNumber++;
                    heading(doc, planNumber + "." + taskNumber + ". " + task.title());
                    paragraph(doc, "Đơn vị chủ trì: " + task.lead());
                    paragraph(doc, "Đơn vị phối hợp: " + (task.coordinating().isEmpty() ? "Không có" : String.join(", ", task.coordinating())));
                    paragraph(doc, "Thời hạn: " + task.deadline() + ". Trạng thái: " + task.state()
                            + (task.overdue() ? " (quá hạn)" : "") + ".");
                    table(doc, List.of("TT", "Kết quả cần đạt", "Yêu cầu", "Đã đạt", "Đạt chỉ tiêu"), numbered(task.outputs().stream()
                            .map(o -> List.of(o.text(), figure(o.expected()), figure(o.achieved()),
                                    o.measurable() ? (o.met() ? "Đạt" : "Chưa đạt") : "")).toList()));
                    paragraph(doc, "Tin, bài phục vụ nhiệm vụ:");
                    table(doc, List.of("TT", "Tin, bài", "Kênh", "Ngày"), numbered(task.publications().stream()
                            .map(p -> List.of(p.title(), p.channelName(), DAY.format(p.plannedAt().atZone(zone)))).toList()));
                    paragraph(doc, "Đóng góp của đơn vị phối hợp:");
                    table(doc, List.of("TT", "Ngày", "Đơn vị", "Nội dung", "Địa điểm"), numbered(task.contributions().stream()
                            .map(c -> List.of(DAY.format(c.doneOn()), c.organisation(), c.what(), c.place() == null ? "" : c.place()))
                            .toList()));
                    paragraph(doc, "Khó khăn, vướng mắc và đề xuất: " + (task.notes() == null ? "Không có." : task.notes()));
                }
            }

            heading(doc, "IX. Khó khăn, vướng mắc và đề xuất chung");
            paragraph(doc, report.notes() == null ? "Không có." : report.notes());
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] overview(Overview overview) {
        ZoneId zone = ZoneId.of(overview.parent().zone());
        try (XWPFDocument doc = document()) {
            head(doc, List.of(upper(overview.parent().name())),
                    Letterhead.dateLine(overview.parent().name(), LocalDate.ofInstant(overview.generatedAt(), zone)));
            title(doc, "BÁO CÁO TỔNG HỢP", "Kết quả thông tin, tuyên truyền của các đơn vị trực thuộc "
                    + overview.period().title(), overview.period());
            paragraph(doc, overview.reach().sentence());
            table(doc, List.of("TT", "Đơn vị", "Chỉ tiêu đạt", "Nhiệm vụ quá hạn", "Người dân được tiếp cận", "Tỷ lệ tuần đạt tần suất",
                    "Số tuần không đạt", "Tin, bài đã đăng", "Kênh đang tạm dừng", "Tin, bài cần xử lý"), numbered(overview.rows().stream()
                    .map(r -> List.of(r.unitName(), r.metOfMeasurable(), String.valueOf(r.tasksOverdue()), r.reachText(),
                            r.compliancePercent() == null ? "Không áp dụng" : r.compliancePercent() + "%",
                            String.valueOf(r.weeksMissed()), String.valueOf(r.published()), String.valueOf(r.pausedChannels()),
                            String.valueOf(r.needsAttention()))).toList()));
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFDocument document() {
        XWPFDocument doc = new XWPFDocument();
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(20 * MM));
        margins.setBottom(BigInteger.valueOf(20 * MM));
        margins.setLeft(BigInteger.valueOf(30 * MM));
        margins.setRight(BigInteger.valueOf(15 * MM));
        return doc;
    }

    /** The issuing unit on the left, the nation and motto and the place and date on the right, without borders. */
    private static void head(XWPFDocument doc, List<String> issuer, String dateLine) {
        XWPFTable head = doc.createTable(1, 2);
        head.removeBorders();
        head.setWidth("100%");
        XWPFTableCell left = head.getRow(0).getCell(0);
        XWPFTableCell right = head.getRow(0).getCell(1);
        for (int i = 0; i < issuer.size(); i++) {
            XWPFParagraph line = i == 0 ? left.getParagraphs().get(0) : left.addParagraph();
            run(centred(line), issuer.get(i), i > 0, false, false);
        }
        run(centred(left.addParagraph()), "Số:      /BC-TTVHTT", false, false, false);
        run(centred(right.getParagraphs().get(0)), Letterhead.NATION, true, false, false);
        run(centred(right.addParagraph()), Letterhead.MOTTO, true, false, true);
        run(centred(right.addParagraph()), dateLine, false, true, false);
    }

    private static void title(XWPFDocument doc, String title, String subtitle, ReportPeriod period) {
        run(centred(doc.createParagraph()), "", false, false, false);
        run(centred(doc.createParagraph()), title, true, false, false);
        run(centred(doc.createParagraph()), subtitle, true, false, false);
        run(centred(doc.createParagraph()), "(Số liệu từ ngày " + DAY.format(period.first()) + " đến ngày "
                + DAY.format(period.last()) + ")", false, true, false);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setSpacingBefore(240);
        run(paragraph, text, true, false, false);
    }

    private static void paragraph(XWPFDocument doc, String text) {
        run(doc.createParagraph(), text, false, false, false);
    }

    private static String figure(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            run(doc.createParagraph(), "Không có.", false, true, false);
            return;
        }
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        fill(table.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean bold) {
        for (int i = 0; i < values.size(); i++) {
            run(row.getCell(i).getParagraphs().get(0), values.get(i), bold, false, false);
        }
    }

    private static List<List<String>> numbered(List<List<String>> rows) {
        List<List<String>> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(i + 1));
            row.addAll(rows.get(i));
            numbered.add(row);
        }
        return numbered;
    }

    private static XWPFParagraph centred(XWPFParagraph paragraph) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold, boolean italic, boolean underline) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(SIZE);
        run.setBold(bold);
        run.setItalic(italic);
        if (underline) {
            run.setUnderline(UnderlinePatterns.SINGLE);
        }
        // stored text may predate the entry rule: a control character would make Word refuse the whole file
        run.setText(CleanText.text(text));
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi"));
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
